package dev.jnn.layers;

/**
 * Keras's {@code GlobalAveragePooling1D}: the mean of each channel over all steps, {@code (steps, channels)} → {@code (channels)}, or
 * {@code (1, channels)} with {@code keepdims}.
 *
 * <pre>{@code
 * model.add(new GlobalAveragePooling1D());
 * model.add(new GlobalAveragePooling1D(new GlobalAveragePooling1D.Config(true)));   // keepdims
 * }</pre>
 */
public final class GlobalAveragePooling1D extends GlobalPoolingLayer {
    /** @param keepdims whether the pooled axes stay, with length 1 (Keras's default: false) */
    public record Config(boolean keepdims, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }

        /** A channels_last layer. */
        public Config(boolean keepdims) {
            this(keepdims, DataFormat.CHANNELS_LAST);
        }
    }

    private final Config config;

    /** Keras's default: keepdims false. */
    public GlobalAveragePooling1D() {
        this(new Config(false));
    }

    public GlobalAveragePooling1D(Config config) {
        super(1, false);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    boolean keepdims() {
        return config.keepdims;
    }

    @Override
    DataFormat dataFormat() {
        return config.dataFormat;
    }

    @Override
    public String className() {
        return "GlobalAveragePooling1D";
    }
}
