package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The frame of the 1-D convolution variants (DepthwiseConv1D, SeparableConv1D, Conv1DTranspose): inputs
 * {@code (batch, steps, channels)} or, channels_first, {@code (batch, channels, steps)}, moved to
 * channels_last around the computation. A sequence is an image of height 1, so the subclasses run the
 * 2-D machinery ({@link ConvGeometry}, {@link DepthwiseConvolution}, {@link ConvOutput}) on it, with
 * Keras's 1-D weight shapes, which have the same layout as the 2-D ones with a leading axis of 1.
 */
abstract class SequenceConvLayer extends Layer {
    private final DataFormat dataFormat;
    private final ChannelsFirst channelsFirst = new ChannelsFirst();

    SequenceConvLayer(DataFormat dataFormat) {
        this.dataFormat = dataFormat == null ? DataFormat.CHANNELS_LAST : dataFormat;
    }

    /** The channels_last output shape {@code (steps', filters)} for a channels_last input {@code (steps, channels)}. */
    abstract Shape channelsLastOutputShape(Shape input);

    /** Creates the weights for {@code channels} input channels. */
    abstract void buildFor(int channels);

    /** The computation on a channels_last batch {@code [batch, steps, channels]}. */
    abstract Tensor channelsLastForward(Tensor x, boolean training);

    @Override
    public final Shape outputShape(Shape inputShape) {
        if (inputShape.rank() != 2) {
            throw ConvErrors.wrongRank(this, inputShape, 3);
        }
        Shape last = dataFormat.toChannelsLast(inputShape);
        if (built()) {
            int expected = dataFormat.toChannelsLast(inputShape()).dim(-1);
            if (last.dim(-1) != expected) {
                throw ConvErrors.channelsMismatch(this, dataFormat == DataFormat.CHANNELS_LAST ? -1 : 1, expected,
                        inputShape);
            }
        }
        return dataFormat.fromChannelsLast(channelsLastOutputShape(last));
    }

    @Override
    protected final void build(Shape inputShape) {
        buildFor(dataFormat.toChannelsLast(inputShape).dim(-1));
    }

    @Override
    protected final Tensor forward(Tensor x, boolean training) {
        if (dataFormat == DataFormat.CHANNELS_LAST) {
            return channelsLastForward(x, training);
        }
        return channelsFirst.toChannelsFirst(channelsLastForward(channelsFirst.toChannelsLast(x, training), training),
                training);
    }

    /** The geometry of a depthwise pass over a channels_last sequence, checked like Keras's. */
    final ConvGeometry depthwiseGeometry(Shape input, int kernel, int stride, int dilation, Padding padding,
                                         int depthMultiplier) {
        ConvGeometry g = ConvGeometry.of(1, input.dim(0), input.dim(1), 1, kernel, 1, stride, 1, dilation,
                Padding.VALID, padding);
        if (g.outWidth() <= 0) {
            throw ConvErrors.tooSmall(this, input, Shape.of(kernel, input.dim(1), depthMultiplier));
        }
        return g;
    }
}
