package dev.jnn.initializers;

import dev.jnn.tensor.Shape;

/**
 * Draws from a normal distribution: {@code w ~ N(mean, stddev²)}; Keras's defaults are
 * {@code mean = 0, stddev = 0.05}.
 *
 * <pre>{@code
 * Initializer init = new RandomNormal(0.0, 1.0, 42L);
 * Tensor w = init.create(Shape.of(3, 4));
 * }</pre>
 */
public final class RandomNormal extends NormalInitializer {
    /** {@code N(0, 0.05²)}, seeded from the global stream. */
    public RandomNormal() {
        this(0.0, 0.05, null);
    }

    /** {@code N(mean, stddev²)}; a null {@code seed} is drawn from the global stream. */
    public RandomNormal(double mean, double stddev, Long seed) {
        super(mean, stddev, seed);
    }

    @Override
    public String name() {
        return "random_normal";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Sampling.normal(newRandom(), mean(), stddev(), out);
    }
}
