package dev.jnn.layers;

import dev.jnn.tensor.SeedGenerator;

/**
 * Keras's {@code GaussianDropout}: in training multiplies every input by its own draw from a normal
 * distribution of mean 1 and standard deviation {@code sqrt(rate / (1 - rate))}; at inference it is the
 * identity. The gradient is multiplied by the same draws.
 *
 * <pre>{@code
 * model.add(new GaussianDropout(0.2));
 * }</pre>
 */
public final class GaussianDropout extends NoiseLayer {
    /**
     * @param rate the equivalent dropout rate, in [0, 1]
     * @param seed seed of the noise stream, or null for the global stream
     */
    public record Config(double rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("GaussianDropout: Invalid value received for argument `rate`. "
                        + "Expected a float value between 0 and 1. Received: rate=" + rate);
            }
        }
    }

    private final Config config;

    public GaussianDropout(double rate) {
        this(new Config(rate, null));
    }

    public GaussianDropout(Config config) {
        super(config.seed(), false);
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    boolean active() {
        return config.rate != 0;
    }

    @Override
    void perturb(float[] in, float[] out, float[] noise) {
        double stddev = Math.sqrt(config.rate / (1.0 - config.rate));
        for (int i = 0; i < in.length; i++) {
            noise[i] = (float) (1.0 + stddev * SeedGenerator.nextGaussian(random));
            out[i] = in[i] * noise[i];
        }
    }
}
