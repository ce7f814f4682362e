package dev.jnn.layers;

/**
 * Keras's {@code AlphaDropout}, the dropout of self-normalizing (SELU) networks: in training each input
 * is kept with probability {@code 1 - rate} or set to SELU's negative saturation
 * {@code α' = -1.6732632·1.0507010}, then {@code y = a·x' + b} with
 * {@code a = ((1 - rate)(1 + rate·α'²))^-1/2} and {@code b = -a·α'·rate}, which keeps the mean and
 * variance. At inference it is the identity. The gradient is {@code a} where kept, 0 elsewhere.
 *
 * <pre>{@code
 * model.add(new AlphaDropout(0.1));
 * }</pre>
 */
public final class AlphaDropout extends NoiseLayer {
    private static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double SCALE = 1.0507009873554804934193349852946;

    /**
     * @param rate fraction of inputs to drop, in [0, 1]
     * @param seed seed of the mask stream, or null for the global stream
     */
    public record Config(double rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("AlphaDropout: Invalid value received for argument `rate`. "
                        + "Expected a float value between 0 and 1. Received: rate=" + rate);
            }
        }
    }

    private final Config config;

    public AlphaDropout(double rate) {
        this(new Config(rate, null));
    }

    public AlphaDropout(Config config) {
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
    void perturb(float[] in, float[] out, float[] slope) {
        float[] k = coefficients(config.rate);
        float a = k[0];
        float b = k[1];
        float saturation = k[2];
        for (int i = 0; i < in.length; i++) {
            boolean kept = random.nextDouble() >= config.rate;
            slope[i] = kept ? a : 0f;
            out[i] = a * (kept ? in[i] : saturation) + b;
        }
    }

    /** Keras's {@code a}, {@code b} and {@code α'} for a rate: a kept input becomes {@code a·x + b}, a dropped one {@code a·α' + b}. */
    static float[] coefficients(double rate) {
        double alphaP = -ALPHA * SCALE;
        double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
        return new float[] {(float) a, (float) (-a * alphaP * rate), (float) alphaP};
    }
}
