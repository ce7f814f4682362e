package dev.jnn.layers;

/**
 * Keras's {@code GlobalMaxPooling1D}: the maximum of each channel over all steps, {@code (steps, channels)} → {@code (channels)}, or
 * {@code (1, channels)} with {@code keepdims}.
 *
 * <pre>{@code
 * model.add(new GlobalMaxPooling1D());
 * model.add(new GlobalMaxPooling1D(new GlobalMaxPooling1D.Config(true)));   // keepdims
 * }</pre>
 */
public final class GlobalMaxPooling1D extends GlobalPoolingLayer {
    /** @param keepdims whether the pooled axes stay, with length 1 (Keras's default: false) */
    public record Config(boolean keepdims) implements LayerConfig {
    }

    private final Config config;

    /** Keras's default: keepdims false. */
    public GlobalMaxPooling1D() {
        this(new Config(false));
    }

    public GlobalMaxPooling1D(Config config) {
        super(1, true);
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
        return "GlobalMaxPooling1D";
    }
}
