package dev.jnn.layers;

/**
 * Keras's {@code MaxPooling2D}: the maximum over {@code pool_size} windows moved by {@code strides} across the height and
 * width of a channels_last input {@code (height, width, channels)}.
 *
 * <p>Each output is the largest input of its window; with "same" padding the padded positions are ignored. The gradient goes to the arg-max only (the first maximum in row-major window order on ties, as TensorFlow).
 *
 * <pre>{@code
 * model.add(new MaxPooling2D());                                     // pool (2, 2), strides (2, 2), valid
 * model.add(new MaxPooling2D(new MaxPooling2D.Config(3, 3, 2, 2, "same")));
 * }</pre>
 */
public final class MaxPooling2D extends PoolingLayer {
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
            padding = checkPooling("MaxPooling2D", new int[] {poolHeight, poolWidth}, new int[] {strideHeight, strideWidth},
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

    /** Keras's defaults: pool (2, 2), strides (2, 2), padding "valid". */
    public MaxPooling2D() {
        this(new Config(2, 2, "valid"));
    }

    /** A {@code pool_size=(poolHeight, poolWidth)} layer with strides equal to the pool and "valid" padding. */
    public MaxPooling2D(int poolHeight, int poolWidth) {
        this(new Config(poolHeight, poolWidth, "valid"));
    }

    public MaxPooling2D(Config config) {
        super(2, true, config.poolHeight(), config.poolWidth(), config.strideHeight(), config.strideWidth(),
                config.padding(), config.dataFormat());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public String className() {
        return "MaxPooling2D";
    }
}
