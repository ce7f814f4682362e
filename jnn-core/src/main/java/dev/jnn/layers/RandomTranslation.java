package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import java.util.List;

/**
 * Keras's {@code RandomTranslation}: in training, each image is shifted by {@code u_h · height} pixels
 * down and {@code u_w · width} pixels right, {@code u_h} and {@code u_w} drawn from the height and width
 * factors' ranges (a factor {@code f} means {@code [-|f|, |f|]}; factors lie in [-1, 1]). Filling and
 * interpolation as in {@link RandomRotation}; at inference it is the identity.
 *
 * <pre>{@code
 * model.add(new RandomTranslation(0.1, 0.1));
 * }</pre>
 */
public final class RandomTranslation extends AffineImageLayer {
    /**
     * @param heightFactor  one number or a (lower, upper) pair, as given to Keras
     * @param widthFactor   one number or a (lower, upper) pair
     * @param fillMode      "reflect" (Keras's default), "wrap", "constant" or "nearest"
     * @param interpolation "bilinear" (Keras's default) or "nearest"
     * @param fillValue     the value outside the image with fillMode "constant"
     * @param seed          seed of the layer's stream, or null for the global stream
     * @param dataFormat    where the channels are; channels_last when null
     */
    public record Config(List<Double> heightFactor, List<Double> widthFactor, String fillMode, String interpolation,
                         double fillValue, Long seed, DataFormat dataFormat) implements LayerConfig {
        public Config {
            heightFactor = heightFactor == null ? null : List.copyOf(heightFactor);
            widthFactor = widthFactor == null ? null : List.copyOf(widthFactor);
            ImageFactor.symmetric("RandomTranslation", "height_factor", heightFactor, false);
            ImageFactor.symmetric("RandomTranslation", "width_factor", widthFactor, false);
            AffineSampler.FillMode.of("RandomTranslation", fillMode);
            bilinear("RandomTranslation", interpolation);
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final double[] height;
    private final double[] width;

    /** Keras's {@code RandomTranslation(height_factor, width_factor)} and its defaults. */
    public RandomTranslation(double heightFactor, double widthFactor) {
        this(new Config(List.of(heightFactor), List.of(widthFactor), "reflect", "bilinear", 0, null, null));
    }

    public RandomTranslation(Config config) {
        super(config.dataFormat(), config.seed(), config.interpolation(), config.fillMode(), config.fillValue(),
                2);
        this.config = config;
        this.height = ImageFactor.symmetric("RandomTranslation", "height_factor", config.heightFactor, false);
        this.width = ImageFactor.symmetric("RandomTranslation", "width_factor", config.widthFactor, false);
    }

    @Override
    public Config config() {
        return config;
    }

    /** Two numbers per image: the height and width draws, fractions of the image's size. */
    @Override
    void draw(RandomStream random, float[] out, int batch) {
        for (int b = 0; b < batch; b++) {
            out[2 * b] = uniform(random, height[0], height[1]);
        }
        for (int b = 0; b < batch; b++) {
            out[2 * b + 1] = uniform(random, width[0], width[1]);
        }
    }

    /** Keras's {@code _get_translation_matrix}: {@code [1, 0, -u_w·w, 0, 1, -u_h·h, 0, 0]}. */
    @Override
    void transforms(float[] drawn, int batch, int h, int w, float[] out) {
        for (int b = 0; b < batch; b++) {
            out[8 * b] = 1f;
            out[8 * b + 1] = 0f;
            out[8 * b + 2] = -(drawn[2 * b + 1] * w);
            out[8 * b + 3] = 0f;
            out[8 * b + 4] = 1f;
            out[8 * b + 5] = -(drawn[2 * b] * h);
            out[8 * b + 6] = 0f;
            out[8 * b + 7] = 0f;
        }
    }
}
