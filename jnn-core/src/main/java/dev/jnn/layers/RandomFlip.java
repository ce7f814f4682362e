package dev.jnn.layers;

import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.Shape;

/**
 * Keras's {@code RandomFlip}: in training, each image is flipped with probability 1/2 — left-right
 * ({@code "horizontal"}), top-bottom ({@code "vertical"}), or both at once
 * ({@code "horizontal_and_vertical"}, the default: Keras 3 draws one coin per image for both, so an
 * image is either unchanged or turned by 180°). At inference it is the identity. The gradient is
 * flipped back the same way.
 *
 * <pre>{@code
 * model.add(new RandomFlip("horizontal"));
 * }</pre>
 */
public final class RandomFlip extends PerImageRandomLayer {
    /**
     * @param mode       {@code "horizontal"}, {@code "vertical"} or {@code "horizontal_and_vertical"}
     * @param seed       seed of the layer's stream, or null for the global stream
     * @param dataFormat where the channels are; channels_last when null
     */
    public record Config(String mode, Long seed, DataFormat dataFormat) implements LayerConfig {
        public Config {
            if (!"horizontal".equals(mode) && !"vertical".equals(mode) && !"horizontal_and_vertical".equals(mode)) {
                throw new IllegalArgumentException("RandomFlip: mode must be \"horizontal\", \"vertical\" or "
                        + "\"horizontal_and_vertical\", got " + (mode == null ? "null" : "\"" + mode + "\""));
            }
            if (dataFormat == null) {
                dataFormat = DataFormat.CHANNELS_LAST;
            }
        }
    }

    private final Config config;
    private final boolean horizontal;
    private final boolean vertical;

    /** Keras's default: {@code "horizontal_and_vertical"}. */
    public RandomFlip() {
        this("horizontal_and_vertical");
    }

    public RandomFlip(String mode) {
        this(new Config(mode, null, null));
    }

    public RandomFlip(Config config) {
        super(config.dataFormat(), config.seed(), false);
        this.config = config;
        this.horizontal = !config.mode.equals("vertical");
        this.vertical = !config.mode.equals("horizontal");
    }

    @Override
    public Config config() {
        return config;
    }

    /** One number per image: 1 flips it, 0 leaves it (Keras flips when its uniform draw is ≤ 0.5). */
    @Override
    void draw(RandomStream random, float[] out, int batch) {
        for (int b = 0; b < batch; b++) {
            out[b] = random.nextDouble() <= 0.5 ? 1f : 0f;
        }
    }

    @Override
    void apply(float[] in, float[] out, float[] flips, Shape shape, boolean[] unused) {
        copy(in, out, flips, shape, false);
    }

    /** The gradient is flipped back the same way. */
    @Override
    void applyBackward(float[] dy, float[] dx, float[] flips, Shape shape, boolean[] unused) {
        copy(dy, dx, flips, shape, true);
    }

    /** Copies each pixel to its flipped place ({@code back}: from the flipped place, adding). */
    private void copy(float[] from, float[] to, float[] flips, Shape shape, boolean back) {
        int batch = shape.dim(0);
        int h = shape.dim(1);
        int w = shape.dim(2);
        int c = shape.dim(3);
        for (int b = 0; b < batch; b++) {
            boolean flip = flips[b] != 0f;
            int image = b * h * w * c;
            for (int i = 0; i < h; i++) {
                int si = flip && vertical ? h - 1 - i : i;
                for (int j = 0; j < w; j++) {
                    int sj = flip && horizontal ? w - 1 - j : j;
                    int o = image + (i * w + j) * c;
                    int s = image + (si * w + sj) * c;
                    for (int ch = 0; ch < c; ch++) {
                        if (back) {
                            to[s + ch] += from[o + ch];
                        } else {
                            to[o + ch] = from[s + ch];
                        }
                    }
                }
            }
        }
    }
}
