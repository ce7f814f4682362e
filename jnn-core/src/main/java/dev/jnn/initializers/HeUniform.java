package dev.jnn.initializers;

import java.util.List;
import java.util.Map;

/**
 * The He uniform initializer: {@code w ~ U[-limit, limit)} with {@code limit = sqrt(6 / fanIn)}.
 *
 * <p>Same as {@code new VarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, seed)}; fans as in
 * {@link Fans}.
 * Reference: He et al., 2015.
 *
 * <pre>{@code
 * Initializer init = new HeUniform(42L);
 * Tensor kernel = init.create(Shape.of(784, 128));
 * }</pre>
 */
public final class HeUniform extends VarianceScaling {
    /** Seeded from the global stream. */
    public HeUniform() {
        this(null);
    }

    /** Seeded with {@code seed}, or from the global stream when it is null. */
    public HeUniform(Long seed) {
        this(seed, null, null);
    }

    /** With Keras's {@code input_axes} / {@code output_axes} choosing the axes that make up the fans. */
    public HeUniform(Long seed, List<Integer> inputAxes, List<Integer> outputAxes) {
        super(2.0, Mode.FAN_IN, Distribution.UNIFORM, seed, inputAxes, outputAxes);
    }

    @Override
    public String name() {
        return "he_uniform";
    }

    /** Keras keeps only the seed and the axes for this preset. */
    @Override
    protected void addConfig(Map<String, Object> config) {
        addAxesConfig(config);
    }
}
