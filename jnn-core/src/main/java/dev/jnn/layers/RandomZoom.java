package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import java.util.List;

/**
 * Keras's {@code RandomZoom}: in training, each image is scaled about its center by
 * {@code zoom = 1 + u}, {@code u} drawn from the height factor's range (and separately from the width
 * factor's, or the same zoom for both when it is absent): the output pixel {@code (x, y)} reads
 * {@code (zx·x + (w-1)/2·(1 - zx), zy·y + (h-1)/2·(1 - zy))}, so a positive factor zooms out and a
 * negative one zooms in. Filling and interpolation as in {@link RandomRotation}; at inference it is
 * the identity. A factor {@code f} means {@code [-|f|, |f|]}; factors lie in (-1, 1].
 *
 * <pre>{@code
 * model.add(new RandomZoom(0.2));
 * model.add(new RandomZoom(new RandomZoom.Config(List.of(-0.3, -0.1), null, "constant", "bilinear", 0, null, null)));
 * }</pre>
 */
public final class RandomZoom extends AffineImageLayer {
    /**
     * @param heightFactor  one number or a (lower, upper) pair, as given to Keras
     * @param widthFactor   likewise, or null to zoom the width as the height
     * @param fillMode      "reflect" (Keras's default), "wrap", "constant" or "nearest"
     * @param interpolation "bilinear" (Keras's default) or "nearest"
     * @param fillValue     the value outside the image with fillMode "constant"
     * @param seed          seed of the layer's stream, or null for the global stream
     * @param dataFormat    where the channels are; channels_last when null
     */
    public record Config(List<Double> heightFactor, List<Double> widthFactor, String fillMode, String interpolation,
                         double fillValue, Long seed, DataFormat dataFormat) implements LayerConfig {
        public Config {
            heightFactor = List.copyOf(heightFactor);
            widthFactor = widthFactor == null ? null : List.copyOf(widthFactor);
            ImageFactor.symmetric("RandomZoom", "height_factor", heightFactor, true);
            if (widthFactor != null) {
                ImageFactor.symmetric("RandomZoom", "width_factor", widthFactor, true);
            }
            AffineSampler.FillMode.of("RandomZoom", fillMode);
            bilinear("RandomZoom", interpolation);
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final double[] height;
    private final double[] width;

    /** Keras's {@code RandomZoom(height_factor)}: the width zooms with the height. */
    public RandomZoom(double heightFactor) {
        this(new Config(List.of(heightFactor), null, "reflect", "bilinear", 0, null, null));
    }

    public RandomZoom(Config config) {
        super(config.dataFormat(), config.seed(), config.interpolation(), config.fillMode(), config.fillValue(),
                2);
        this.config = config;
        this.height = ImageFactor.symmetric("RandomZoom", "height_factor", config.heightFactor, true);
        this.width = config.widthFactor == null ? null
                : ImageFactor.symmetric("RandomZoom", "width_factor", config.widthFactor, true);
    }

    @Override
    public Config config() {
        return config;
    }

    /** Two numbers per image: the height zoom and the width zoom (both {@code 1 + u}). */
    @Override
    void draw(RandomStream random, float[] out, int batch) {
        for (int b = 0; b < batch; b++) {
            out[2 * b] = uniform(random, 1.0 + height[0], 1.0 + height[1]);
            out[2 * b + 1] = width == null ? out[2 * b] : uniform(random, 1.0 + width[0], 1.0 + width[1]);
        }
    }

    /** Keras's {@code _get_zoom_matrix}: {@code [zx, 0, (w-1)/2·(1-zx), 0, zy, (h-1)/2·(1-zy), 0, 0]}. */
    @Override
    void transforms(float[] drawn, int batch, int h, int w, float[] out) {
        for (int b = 0; b < batch; b++) {
            float zy = drawn[2 * b];
            float zx = drawn[2 * b + 1];
            out[8 * b] = zx;
            out[8 * b + 1] = 0f;
            out[8 * b + 2] = ((w - 1f) / 2f) * (1f - zx);
            out[8 * b + 3] = 0f;
            out[8 * b + 4] = zy;
            out[8 * b + 5] = ((h - 1f) / 2f) * (1f - zy);
            out[8 * b + 6] = 0f;
            out[8 * b + 7] = 0f;
        }
    }
}
