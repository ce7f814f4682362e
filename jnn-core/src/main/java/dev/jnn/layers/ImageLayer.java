package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The shared frame of Keras's image preprocessing layers: inputs are batches of images
 * {@code (batch, height, width, channels)} (or {@code (batch, channels, height, width)} with
 * channels_first, moved to channels_last and back around the computation, as the convolutions do),
 * and a layer either acts in the current mode or passes its input through unchanged.
 */
abstract class ImageLayer extends Layer {
    private final DataFormat dataFormat;
    private final ChannelsFirst channelsFirst = new ChannelsFirst();

    ImageLayer(DataFormat dataFormat) {
        this.dataFormat = dataFormat == null ? DataFormat.CHANNELS_LAST : dataFormat;
    }

    /** The channels_last output shape {@code (h', w', c)} for an image of {@code h × w × c}. */
    abstract Shape imageOutputShape(int h, int w, int c);

    /** Whether the layer changes its input in this mode: always, but the random layers act only in training. */
    boolean acts(boolean training) {
        return true;
    }

    /** The computation on a channels_last batch {@code [batch, h, w, c]}. */
    abstract Tensor transform(Tensor x, boolean training);

    @Override
    public final Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 3);
        Shape last = dataFormat.toChannelsLast(inputShape);
        return dataFormat.fromChannelsLast(imageOutputShape(last.dim(0), last.dim(1), last.dim(2)));
    }

    @Override
    protected final Tensor forward(Tensor x, boolean training) {
        if (!acts(training)) {
            return x;
        }
        if (dataFormat == DataFormat.CHANNELS_LAST) {
            return transform(x, training);
        }
        return channelsFirst.toChannelsFirst(transform(channelsFirst.toChannelsLast(x, training), training), training);
    }

    final DataFormat dataFormat() {
        return dataFormat;
    }
}
