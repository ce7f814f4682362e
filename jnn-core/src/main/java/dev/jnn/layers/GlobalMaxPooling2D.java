package dev.jnn.layers;

/**
 * Keras's {@code GlobalMaxPooling2D}: the maximum of each channel over all positions, {@code (height, width, channels)} → {@code (channels)}, or
 * {@code (1, 1, channels)} with {@code keepdims}.
 *
 * <pre>{@code
 * model.add(new GlobalMaxPooling2D());
 * model.add(new GlobalMaxPooling2D(new GlobalMaxPooling2D.Config(true)));   // keepdims
 * }</pre>
 */
public final class GlobalMaxPooling2D extends GlobalPoolingLayer {
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
    public GlobalMaxPooling2D() {
        this(new Config(false));
    }

    public GlobalMaxPooling2D(Config config) {
        super(2, true);
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
        return "GlobalMaxPooling2D";
    }
}
