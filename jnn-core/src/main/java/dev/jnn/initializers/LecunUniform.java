package dev.jnn.initializers;

import java.util.List;
import java.util.Map;

/**
 * The LeCun uniform initializer: {@code w ~ U[-limit, limit)} with {@code limit = sqrt(3 / fanIn)}.
 *
 * <p>Same as {@code new VarianceScaling(1.0, Mode.FAN_IN, Distribution.UNIFORM, seed)}; fans as in
 * {@link Fans}.
 * Reference: Klambauer et al., 2017.
 *
 * <pre>{@code
 * Initializer init = new LecunUniform(42L);
 * Tensor kernel = init.create(Shape.of(784, 128));
 * }</pre>
 */
public final class LecunUniform extends VarianceScaling {
    /** Seeded from the global stream. */
    public LecunUniform() {
        this(null);
    }

    /** Seeded with {@code seed}, or from the global stream when it is null. */
    public LecunUniform(Long seed) {
        this(seed, null, null);
    }

    /** With Keras's {@code input_axes} / {@code output_axes} choosing the axes that make up the fans. */
    public LecunUniform(Long seed, List<Integer> inputAxes, List<Integer> outputAxes) {
        super(1.0, Mode.FAN_IN, Distribution.UNIFORM, seed, inputAxes, outputAxes);
    }

    @Override
    public String name() {
        return "lecun_uniform";
    }

    /** Keras keeps only the seed and the axes for this preset. */
    @Override
    protected void addConfig(Map<String, Object> config) {
        addAxesConfig(config);
    }
}
