package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import java.util.List;

/**
 * Keras's {@code RandomBrightness}: in training, each image gets {@code delta = u · (high - low)} with
 * {@code u} drawn from {@code [lower, upper]}, and becomes {@code clip(x + delta, low, high)} for the
 * value range {@code (low, high)}. At inference it is the identity. A single {@code factor f} means
 * {@code [-|f|, |f|]}; factors lie in [-1, 1].
 *
 * <pre>{@code
 * model.add(new RandomBrightness(0.2));                       // ±20% of [0, 255]
 * model.add(new RandomBrightness(new RandomBrightness.Config(-0.1, 0.3, 0, 1, null, null)));
 * }</pre>
 */
public final class RandomBrightness extends PerImageRandomLayer {
    /**
     * @param lower     the lowest draw (a fraction of the value range)
     * @param upper     the highest draw
     * @param valueLow  the lower end of the value range (Keras sorts the two ends)
     * @param valueHigh the upper end of the value range
     * @param seed      seed of the layer's stream, or null for the global stream
     * @param dataFormat where the channels are; channels_last when null
     */
    public record Config(double lower, double upper, double valueLow, double valueHigh, Long seed,
                         DataFormat dataFormat) implements LayerConfig {
        public Config {
            double[] range = ImageFactor.range("RandomBrightness", List.of(lower, upper), -1, 1);
            lower = range[0];
            upper = range[1];
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
            if (valueLow > valueHigh) {
                double t = valueLow;
                valueLow = valueHigh;
                valueHigh = t;
            }
        }

        /** Keras's {@code RandomBrightness(factor)}: {@code [-|factor|, |factor|]} of [0, 255]. */
        public static Config of(double factor) {
            double[] range = ImageFactor.range("RandomBrightness", List.of(factor), -1, 1);
            return new Config(range[0], range[1], 0, 255, null, null);
        }
    }

    private final Config config;

    /** Keras's {@code RandomBrightness(factor)} for values in [0, 255]. */
    public RandomBrightness(double factor) {
        this(Config.of(factor));
    }

    public RandomBrightness(Config config) {
        super(config.dataFormat(), config.seed(), true);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** One number per image: the draw {@code u} (the delta is {@code u · (high - low)}). */
    @Override
    void draw(RandomStream random, float[] out, int batch) {
        for (int b = 0; b < batch; b++) {
            out[b] = uniform(random, config.lower, config.upper);
        }
    }

    @Override
    void apply(float[] in, float[] out, float[] draws, Shape shape, boolean[] inside) {
        float low = (float) config.valueLow;
        float high = (float) config.valueHigh;
        float span = (float) (config.valueHigh - config.valueLow);
        int batch = shape.dim(0);
        int per = shape.size() / batch;
        for (int b = 0; b < batch; b++) {
            float delta = draws[b] * span;
            for (int i = b * per; i < (b + 1) * per; i++) {
                float v = in[i] + delta;
                inside[i] = v >= low && v <= high;
                out[i] = Math.min(Math.max(v, low), high);
            }
        }
    }

    /** The gradient passes where nothing was clipped. */
    @Override
    void applyBackward(float[] dy, float[] dx, float[] draws, Shape shape, boolean[] inside) {
        for (int i = 0; i < dx.length; i++) {
            if (inside[i]) {
                dx[i] += dy[i];
            }
        }
    }
}
