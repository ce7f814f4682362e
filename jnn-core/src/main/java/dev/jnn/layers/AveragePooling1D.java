package dev.jnn.layers;

/**
 * Keras's {@code AveragePooling1D}: the mean over windows of {@code pool_size} steps moved by {@code strides} along the
 * time axis of a sequence {@code (steps, features)}.
 *
 * <p>Keras gives {@code pool_size} no default here (unlike max pooling). Each output is the mean of its window; with "same" padding the mean is over the real (unpadded) elements only, as TensorFlow. The gradient spreads evenly over the window.
 *
 * <pre>{@code
 * model.add(new AveragePooling1D(2));                      // pool 2, strides 2, valid
 * model.add(new AveragePooling1D(new AveragePooling1D.Config(3, 1, "same")));
 * }</pre>
 */
public final class AveragePooling1D extends PoolingLayer {
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
            padding = checkPooling("AveragePooling1D", new int[] {poolSize}, new int[] {strides}, padding);
        }

        /** A channels_last layer. */
        public Config(int poolSize, int strides, String padding) {
            this(poolSize, strides, padding, DataFormat.CHANNELS_LAST);
        }
    }

    private final Config config;

    /** A {@code pool_size=poolSize} layer with strides equal to the pool and "valid" padding. */
    public AveragePooling1D(int poolSize) {
        this(new Config(poolSize, poolSize, "valid"));
    }

    public AveragePooling1D(Config config) {
        super(1, false, 1, config.poolSize(), 1, config.strides(), config.padding(), config.dataFormat());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public String className() {
        return "AveragePooling1D";
    }
}
