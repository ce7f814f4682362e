package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;
import java.util.List;

/**
 * Keras's {@code RandomContrast}: in training, each image gets a factor {@code c} drawn from
 * {@code [1 - lower, 1 + upper]} and becomes {@code clip((x - m)·c + m, valueRange)}, {@code m} being
 * the image's mean over height and width, per channel. At inference it is the identity.
 *
 * <p>Keras 3 reads a single {@code factor f} as the range {@code (0, f)} (so the contrast only grows)
 * and two numbers as {@code (lower, upper)}; both are in {@code [0, 1]}.
 *
 * <pre>{@code
 * model.add(new RandomContrast(0.2));                         // c in [1, 1.2]
 * model.add(new RandomContrast(new RandomContrast.Config(0.2, 0.3, 0, 1, null, null)));   // c in [0.8, 1.3]
 * }</pre>
 */
public final class RandomContrast extends PerImageRandomLayer {
    /**
     * @param lower      how far below 1 the factor may go
     * @param upper      how far above 1 the factor may go
     * @param valueLow   the lowest output value (Keras's {@code value_range[0]})
     * @param valueHigh  the highest output value (Keras's {@code value_range[1]})
     * @param seed       seed of the layer's stream, or null for the global stream
     * @param dataFormat where the channels are; channels_last when null
     */
    public record Config(double lower, double upper, double valueLow, double valueHigh, Long seed,
                         DataFormat dataFormat) implements LayerConfig {
        public Config {
            double[] range = ImageFactor.range("RandomContrast", List.of(lower, upper), 0, 1);
            lower = range[0];
            upper = range[1];
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
            if (!(valueLow <= valueHigh)) {
                throw new IllegalArgumentException("RandomContrast: value_range must be (low, high) with low <= high, got ("
                        + valueLow + ", " + valueHigh + ")");
            }
        }

        /** Keras's {@code RandomContrast(factor)}: the range {@code (0, |factor|)}, values in [0, 255]. */
        public static Config of(double factor) {
            double[] range = ImageFactor.range("RandomContrast", List.of(factor), 0, 1);
            return new Config(range[0], range[1], 0, 255, null, null);
        }
    }

    private final Config config;

    /** Keras's {@code RandomContrast(factor)} for values in [0, 255]. */
    public RandomContrast(double factor) {
        this(Config.of(factor));
    }

    public RandomContrast(Config config) {
        super(config.dataFormat(), config.seed(), true);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** One number per image: the contrast factor. */
    @Override
    void draw(RandomStream random, float[] out, int batch) {
        for (int b = 0; b < batch; b++) {
            out[b] = uniform(random, 1.0 - config.lower, 1.0 + config.upper);
        }
    }

    @Override
    void apply(float[] in, float[] out, float[] factors, Shape shape, boolean[] inside) {
        float low = (float) config.valueLow;
        float high = (float) config.valueHigh;
        int batch = shape.dim(0);
        int h = shape.dim(1);
        int w = shape.dim(2);
        int c = shape.dim(3);
        for (int b = 0; b < batch; b++) {
            int image = b * h * w * c;
            float factor = factors[b];
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int p = 0; p < h * w; p++) {
                    sum += in[image + p * c + ch];
                }
                float mean = (float) (sum / (h * w));
                for (int p = 0; p < h * w; p++) {
                    int i = image + p * c + ch;
                    float v = (in[i] - mean) * factor + mean;
                    inside[i] = v >= low && v <= high;
                    out[i] = Math.min(Math.max(v, low), high);
                }
            }
        }
    }

    /**
     * With {@code g} the output gradient where no clipping happened, {@code dx = c·g + (1 - c)·mean(g)}
     * per image and channel, since every pixel also moves the mean.
     */
    @Override
    void applyBackward(float[] dy, float[] dx, float[] factors, Shape shape, boolean[] inside) {
        int batch = shape.dim(0);
        int h = shape.dim(1);
        int w = shape.dim(2);
        int c = shape.dim(3);
        for (int b = 0; b < batch; b++) {
            int image = b * h * w * c;
            float factor = factors[b];
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int p = 0; p < h * w; p++) {
                    int i = image + p * c + ch;
                    sum += inside[i] ? dy[i] : 0f;
                }
                float share = (float) ((1 - factor) * sum / (h * w));
                for (int p = 0; p < h * w; p++) {
                    int i = image + p * c + ch;
                    dx[i] += (inside[i] ? factor * dy[i] : 0f) + share;
                }
            }
        }
    }
}
