package dev.jnn.initializers;

import java.util.Map;

/**
 * The {@code mean} and {@code stddev} options shared by {@link RandomNormal} and
 * {@link TruncatedNormal}: validation, accessors and config. Subclasses choose the sampler.
 */
abstract class NormalInitializer extends RandomInitializer {
    private final double mean;
    private final double stddev;

    NormalInitializer(double mean, double stddev, Long seed) {
        // Checked before super() so that a rejected initializer does not consume a global seed.
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(stddev >= 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException("stddev must be finite and >= 0, got " + stddev);
        }
        super(seed);
        this.mean = mean;
        this.stddev = stddev;
    }

    public double mean() {
        return mean;
    }

    public double stddev() {
        return stddev;
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("mean", mean);
        config.put("stddev", stddev);
    }
}
