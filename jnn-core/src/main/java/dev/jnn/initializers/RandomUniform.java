package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Map;

/**
 * Draws from a uniform distribution: {@code w ~ U[minval, maxval)}; Keras's defaults are
 * {@code minval = -0.05, maxval = 0.05}.
 *
 * <pre>{@code
 * Initializer init = new RandomUniform(-1.0, 1.0, 42L);
 * Tensor w = init.create(Shape.of(3, 4));
 * }</pre>
 */
public final class RandomUniform extends RandomInitializer {
    private final double minval;
    private final double maxval;

    /** {@code U[-0.05, 0.05)}, seeded from the global stream. */
    public RandomUniform() {
        this(-0.05, 0.05, null);
    }

    /** {@code U[minval, maxval)}; a null {@code seed} is drawn from the global stream. */
    public RandomUniform(double minval, double maxval, Long seed) {
        // Checked before super() so that a rejected initializer does not consume a global seed.
        if (!Double.isFinite(minval) || !Double.isFinite(maxval) || minval > maxval) {
            throw new IllegalArgumentException(
                    "minval and maxval must be finite with minval <= maxval, got minval=" + minval + ", maxval=" + maxval);
        }
        super(seed);
        this.minval = minval;
        this.maxval = maxval;
    }

    public double minval() {
        return minval;
    }

    public double maxval() {
        return maxval;
    }

    @Override
    public String name() {
        return "random_uniform";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Sampling.uniform(newRandom(), minval, maxval, out);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("minval", minval);
        config.put("maxval", maxval);
    }
}
