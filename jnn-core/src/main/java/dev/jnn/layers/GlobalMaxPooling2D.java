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
    public record Config(boolean keepdims) implements LayerConfig {
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
    public String className() {
        return "GlobalMaxPooling2D";
    }
}
