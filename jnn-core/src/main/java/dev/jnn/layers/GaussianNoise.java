package dev.jnn.layers;

import dev.jnn.tensor.SeedGenerator;

/**
 * Keras's {@code GaussianNoise}: in training adds zero-mean normal noise of standard deviation
 * {@code stddev} to every input; at inference it is the identity. The gradient passes unchanged.
 *
 * <pre>{@code
 * model.add(new GaussianNoise(0.1f));
 * model.add(new GaussianNoise(0.1f, 7L));   // its own seed
 * }</pre>
 */
public final class GaussianNoise extends NoiseLayer {
    /**
     * @param stddev standard deviation of the noise, in [0, 1] as Keras requires
     * @param seed   seed of the noise stream, or null for the global stream
     */
    public record Config(float stddev, Long seed) implements LayerConfig {
        public Config {
            if (!(stddev >= 0f && stddev <= 1f)) {
                throw new IllegalArgumentException("GaussianNoise: stddev must be in [0, 1], got " + stddev);
            }
        }
    }

    private final Config config;

    public GaussianNoise(float stddev) {
        this(new Config(stddev, null));
    }

    public GaussianNoise(float stddev, Long seed) {
        this(new Config(stddev, seed));
    }

    public GaussianNoise(Config config) {
        super(config.seed(), true);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    boolean active() {
        return config.stddev != 0f;
    }

    @Override
    void perturb(float[] in, float[] out, float[] unused) {
        double stddev = config.stddev;
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] + (float) (stddev * SeedGenerator.nextGaussian(random));
        }
    }
}
