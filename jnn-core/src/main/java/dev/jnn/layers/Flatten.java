package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Flatten}: each sample becomes a vector, {@code (None, 2, 3)} → {@code (None, 6)}.
 * With {@code data_format="channels_first"} a sample of rank 2 or more is first put in channels_last
 * order, as Keras does, so that a Dense layer after it sees the features in the order Keras gives.
 */
public final class Flatten extends Layer {
    /** @param dataFormat the layout of the input; channels_last when null */
    public record Config(DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }

        /** Keras's default, channels_last. */
        public Config() {
            this(DataFormat.CHANNELS_LAST);
        }
    }

    private final Config config;
    private final ChannelsFirst channelsFirst = new ChannelsFirst();
    private final PerStep<ViewCall> views = new PerStep<>(() -> new ViewCall(x -> Shape.of(x.rows(), x.rowSize())));

    /** Keras's defaults. */
    public Flatten() {
        this(new Config());
    }

    public Flatten(Config config) {
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return Shape.of(inputShape.size());
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (config.dataFormat == DataFormat.CHANNELS_FIRST && x.shape().rank() > 2) {
            x = channelsFirst.toChannelsLast(x, training);
        }
        return views.acquire().view(x);
    }
}
