package dev.jnn.initializers;

import dev.jnn.tensor.Shape;

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
public final class TruncatedNormal extends NormalInitializer {
    /** {@code N(0, 0.05²)} cut at ±0.1, seeded from the global stream. */
    public TruncatedNormal() {
        this(0.0, 0.05, null);
    }

    /** {@code N(mean, stddev²)} cut at {@code mean ± 2·stddev}; a null {@code seed} is drawn from the global stream. */
    public TruncatedNormal(double mean, double stddev, Long seed) {
        super(mean, stddev, seed);
    }

    @Override
    public String name() {
        return "truncated_normal";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Sampling.truncatedNormal(newRandom(), mean(), stddev(), out);
    }
}
