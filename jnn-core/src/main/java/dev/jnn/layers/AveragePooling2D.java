package dev.jnn.layers;

/**
 * Keras's {@code AveragePooling2D}: the mean over {@code pool_size} windows moved by {@code strides} across the height and
 * width of a channels_last input {@code (height, width, channels)}.
 *
 * <p>Keras gives {@code pool_size} no default here (unlike max pooling). Each output is the mean of its window; with "same" padding the mean is over the real (unpadded) elements only, as TensorFlow. The gradient spreads evenly over the window.
 *
 * <pre>{@code
 * model.add(new AveragePooling2D(2, 2));                    // pool (2, 2), strides (2, 2), valid
 * model.add(new AveragePooling2D(new AveragePooling2D.Config(3, 3, 2, 2, "same")));
 * }</pre>
 */
public final class AveragePooling2D extends PoolingLayer {
    /**
     * @param poolHeight   window height, &gt; 0
     * @param poolWidth    window width, &gt; 0
     * @param strideHeight step between windows along the height, &gt; 0
     * @param strideWidth  step between windows along the width, &gt; 0
     * @param padding      "valid" (windows inside the input) or "same" (output size ceil(n / stride))
     * @param dataFormat   where the channels axis is; channels_last when null
     */
    public record Config(int poolHeight, int poolWidth, int strideHeight, int strideWidth, String padding,
                         DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
            padding = checkPooling("AveragePooling2D", new int[] {poolHeight, poolWidth}, new int[] {strideHeight, strideWidth},
                    padding);
        }

        /** A channels_last layer. */
        public Config(int poolHeight, int poolWidth, int strideHeight, int strideWidth, String padding) {
            this(poolHeight, poolWidth, strideHeight, strideWidth, padding, DataFormat.CHANNELS_LAST);
        }

        /** Keras's {@code strides=None}: the strides equal the pool size. */
        public Config(int poolHeight, int poolWidth, String padding) {
            this(poolHeight, poolWidth, poolHeight, poolWidth, padding);
        }
    }

    private final Config config;

    /** A {@code pool_size=(poolHeight, poolWidth)} layer with strides equal to the pool and "valid" padding. */
    public AveragePooling2D(int poolHeight, int poolWidth) {
        this(new Config(poolHeight, poolWidth, "valid"));
    }

    public AveragePooling2D(Config config) {
        super(2, false, config.poolHeight(), config.poolWidth(), config.strideHeight(), config.strideWidth(),
                config.padding(), config.dataFormat());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public String className() {
        return "AveragePooling2D";
    }
}
