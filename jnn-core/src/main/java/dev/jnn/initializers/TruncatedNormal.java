package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Map;

/**
 * Draws from a normal distribution truncated at two standard deviations: {@code w ~ N(mean, stddev²)}
 * restricted to {@code [mean - 2·stddev, mean + 2·stddev]}, draws outside being redrawn; Keras's
 * defaults are {@code mean = 0, stddev = 0.05}. The {@code stddev} is that of the normal before
 * truncation, so the values' standard deviation is about {@code 0.88·stddev}.
 *
 * <pre>{@code
 * Initializer init = new TruncatedNormal(0.0, 1.0, 42L);
 * Tensor w = init.create(Shape.of(3, 4));
 * }</pre>
 */
public final class TruncatedNormal extends RandomInitializer {
    private final double mean;
    private final double stddev;

    /** {@code N(0, 0.05²)} cut at ±0.1, seeded from the global stream. */
    public TruncatedNormal() {
        this(0.0, 0.05, null);
    }

    /** {@code N(mean, stddev²)} cut at {@code mean ± 2·stddev}; a null {@code seed} is drawn from the global stream. */
    public TruncatedNormal(double mean, double stddev, Long seed) {
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
    public String name() {
        return "truncated_normal";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Sampling.truncatedNormal(newRandom(), mean, stddev, out);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("mean", mean);
        config.put("stddev", stddev);
    }
}
