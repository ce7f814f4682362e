package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import java.util.List;

/**
 * Keras's {@code RandomRotation}: in training, each image is turned about its center by an angle
 * drawn from {@code [lower·360°, upper·360°]} (a single {@code factor f} means {@code [-|f|, |f|]};
 * positive is counter-clockwise), the points it reads outside the image filled by {@code fillMode}
 * ("reflect", "wrap", "constant" with {@code fillValue}, "nearest") and read by "bilinear" or
 * "nearest" interpolation. At inference it is the identity.
 *
 * <pre>{@code
 * model.add(new RandomRotation(0.1));            // up to ±36°
 * }</pre>
 */
public final class RandomRotation extends AffineImageLayer {
    /**
     * @param lower         the smallest angle, as a fraction of a full turn, in [-1, 1]
     * @param upper         the largest angle, as a fraction of a full turn
     * @param fillMode      "reflect" (Keras's default), "wrap", "constant" or "nearest"
     * @param interpolation "bilinear" (Keras's default) or "nearest"
     * @param fillValue     the value outside the image with fillMode "constant"
     * @param seed          seed of the layer's stream, or null for the global stream
     * @param dataFormat    where the channels are; channels_last when null
     */
    public record Config(double lower, double upper, String fillMode, String interpolation, double fillValue,
                         Long seed, DataFormat dataFormat) implements LayerConfig {
        public Config {
            double[] range = ImageFactor.range("RandomRotation", List.of(lower, upper), -1, 1);
            lower = range[0];
            upper = range[1];
            AffineSampler.FillMode.of("RandomRotation", fillMode);
            bilinear("RandomRotation", interpolation);
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }

        /** Keras's {@code RandomRotation(factor)} and its defaults. */
        public static Config of(double factor) {
            double[] range = ImageFactor.range("RandomRotation", List.of(factor), -1, 1);
            return new Config(range[0], range[1], "reflect", "bilinear", 0, null, null);
        }
    }

    private final Config config;

    public RandomRotation(double factor) {
        this(Config.of(factor));
    }

    public RandomRotation(Config config) {
        super(config.dataFormat(), config.seed(), config.interpolation(), config.fillMode(), config.fillValue(),
                1);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** One number per image: the angle in degrees. */
    @Override
    void draw(RandomStream random, float[] out, int batch) {
        for (int b = 0; b < batch; b++) {
            out[b] = uniform(random, config.lower * 360.0, config.upper * 360.0);
        }
    }

    /**
     * Keras's {@code _compute_affine_matrix} for a rotation about {@code (cx, cy) = ((w-1)/2, (h-1)/2)}:
     * {@code [cos, -sin, cx - cx·cos + cy·sin, sin, cos, cy - cx·sin - cy·cos, 0, 0]}, in float32.
     */
    @Override
    void transforms(float[] drawn, int batch, int h, int w, float[] out) {
        float toRadians = (float) (Math.PI / 180.0);
        float cx = 0.5f * (w - 1);
        float cy = 0.5f * (h - 1);
        for (int b = 0; b < batch; b++) {
            float angle = drawn[b] * toRadians;
            float cos = (float) Math.cos(angle);
            float sin = (float) Math.sin(angle);
            float a0 = cos;
            float a1 = -sin;
            float b0 = sin;
            float b1 = cos;
            out[8 * b] = a0;
            out[8 * b + 1] = a1;
            out[8 * b + 2] = 0f + cx - cx * a0 - cy * a1;
            out[8 * b + 3] = b0;
            out[8 * b + 4] = b1;
            out[8 * b + 5] = 0f + cy - cx * b0 - cy * b1;
            out[8 * b + 6] = 0f;
            out[8 * b + 7] = 0f;
        }
    }
}
