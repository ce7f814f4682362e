package dev.jnn.layers;

/**
 * Keras's {@code MaxPooling1D}: the maximum over windows of {@code pool_size} steps moved by {@code strides} along the
 * time axis of a sequence {@code (steps, features)}.
 *
 * <p>Each output is the largest input of its window; with "same" padding the padded positions are ignored. The gradient goes to the arg-max only (the first maximum in row-major window order on ties, as TensorFlow).
 *
 * <pre>{@code
 * model.add(new MaxPooling1D());                                 // pool 2, strides 2, valid
 * model.add(new MaxPooling1D(new MaxPooling1D.Config(3, 1, "same")));
 * }</pre>
 */
public final class MaxPooling1D extends PoolingLayer {
    /**
     * @param poolSize window length in steps, &gt; 0
     * @param strides  step between windows, &gt; 0 (Keras's {@code strides=None} is {@code poolSize})
     * @param padding  "valid" (windows inside the input) or "same" (output length ceil(steps / strides))
     * @param dataFormat where the channels axis is; channels_last when null
     */
    public record Config(int poolSize, int strides, String padding, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
            padding = checkPooling("MaxPooling1D", new int[] {poolSize}, new int[] {strides}, padding);
        }

        /** A channels_last layer. */
        public Config(int poolSize, int strides, String padding) {
            this(poolSize, strides, padding, DataFormat.CHANNELS_LAST);
        }
    }

    private final Config config;

    /** Keras's defaults: pool 2, strides 2, padding "valid". */
    public MaxPooling1D() {
        this(new Config(2, 2, "valid"));
    }

    /** A {@code pool_size=poolSize} layer with strides equal to the pool and "valid" padding. */
    public MaxPooling1D(int poolSize) {
        this(new Config(poolSize, poolSize, "valid"));
    }

    public MaxPooling1D(Config config) {
        super(1, true, 1, config.poolSize(), 1, config.strides(), config.padding(), config.dataFormat());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public String className() {
        return "MaxPooling1D";
    }
}
