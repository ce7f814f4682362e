package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code ZeroPadding1D}: adds {@code before} zero steps at the beginning and {@code after} at the
 * end of each sequence, {@code (steps, features)} → {@code (before + steps + after, features)}; with
 * channels_first the sequences are {@code (features, steps)}.
 *
 * <pre>{@code
 * model.add(new ZeroPadding1D(2));        // padding=(2, 2)
 * }</pre>
 */
public final class ZeroPadding1D extends BorderLayer1D {
    /**
     * @param before     zero steps before the sequence, &gt;= 0
     * @param after      zero steps after it, &gt;= 0
     * @param dataFormat where the features are; channels_last when null
     */
    public record Config(int before, int after, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (before < 0 || after < 0) {
                throw new IllegalArgumentException("ZeroPadding1D: padding entries must be >= 0, got (" + before + ", "
                        + after + ")");
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final ChannelsFirst channelsFirst = new ChannelsFirst();

    /** Keras's default: one zero step on each side. */
    public ZeroPadding1D() {
        this(1);
    }

    /** Keras's {@code padding=n}: n zero steps on each side. */
    public ZeroPadding1D(int padding) {
        this(new Config(padding, padding, null));
    }

    public ZeroPadding1D(Config config) {
        super(false, config.before());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 2);
        Shape last = config.dataFormat.toChannelsLast(inputShape);
        return config.dataFormat.fromChannelsLast(Shape.of(channelsLastOutput(last.dim(0)), last.dim(1)));
    }

    @Override
    int channelsLastOutput(int steps) {
        return steps + config.before + config.after;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        if (config.dataFormat == DataFormat.CHANNELS_LAST) {
            return copy(x);
        }
        return channelsFirst.toChannelsFirst(copy(channelsFirst.toChannelsLast(x, training)), training);
    }
}
