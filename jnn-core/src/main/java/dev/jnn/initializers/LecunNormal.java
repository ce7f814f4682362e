package dev.jnn.initializers;

import java.util.List;
import java.util.Map;

/**
 * The LeCun normal initializer: a normal truncated at 2 standard deviations whose values have standard
 * deviation {@code sqrt(1 / fanIn)}.
 *
 * <p>Same as {@code new VarianceScaling(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed)}; fans
 * as in {@link Fans}.
 * Reference: Klambauer et al., 2017.
 *
 * <pre>{@code
 * Initializer init = new LecunNormal(42L);
 * Tensor kernel = init.create(Shape.of(784, 128));
 * }</pre>
 */
public final class LecunNormal extends VarianceScaling {
    /** Seeded from the global stream. */
    public LecunNormal() {
        this(null);
    }

    /** Seeded with {@code seed}, or from the global stream when it is null. */
    public LecunNormal(Long seed) {
        this(seed, null, null);
    }

    /** With Keras's {@code input_axes} / {@code output_axes} choosing the axes that make up the fans. */
    public LecunNormal(Long seed, List<Integer> inputAxes, List<Integer> outputAxes) {
        super(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed, inputAxes, outputAxes);
    }

    @Override
    public String name() {
        return "lecun_normal";
    }

    /** Keras keeps only the seed and the axes for this preset. */
    @Override
    protected void addConfig(Map<String, Object> config) {
        addAxesConfig(config);
    }
}
