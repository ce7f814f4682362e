package dev.jnn.layers;

/**
 * Keras's {@code Dropout}: in training, zeroes each input with probability {@code rate} and scales the
 * rest by {@code 1 / (1 - rate)}; at inference it is the identity.
 *
 * <pre>{@code
 * model.add(new Dropout(0.2f));          // seeded from the global stream
 * model.add(new Dropout(0.2f, 42L));     // its own seed
 * }</pre>
 */
public final class Dropout extends NoiseLayer {
    /**
     * @param rate fraction of inputs to drop, in [0, 1)
     * @param seed seed of the mask stream, or null for the global stream
     */
    public record Config(float rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
            }
        }
    }

    private final Config config;

    public Dropout(float rate) {
        this(new Config(rate, null));
    }

    public Dropout(float rate, Long seed) {
        this(new Config(rate, seed));
    }

    public Dropout(Config config) {
        super(config.seed(), false);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    boolean active() {
        return config.rate != 0f;
    }

    @Override
    void perturb(float[] in, float[] out, float[] mask) {
        float scale = 1f / (1f - config.rate);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() >= config.rate ? scale : 0f;
            out[i] = in[i] * mask[i];
        }
    }
}
