package dev.jnn.initializers;

import java.util.List;
import java.util.Map;

/**
 * The Glorot (Xavier) normal initializer: a normal truncated at 2 standard deviations whose values
 * have standard deviation {@code sqrt(2 / (fanIn + fanOut))}.
 *
 * <p>Same as {@code new VarianceScaling(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, seed)}; fans
 * as in {@link Fans}.
 * Reference: Glorot and Bengio, 2010.
 *
 * <pre>{@code
 * Initializer init = new GlorotNormal(42L);
 * Tensor kernel = init.create(Shape.of(784, 128));
 * }</pre>
 */
public final class GlorotNormal extends VarianceScaling {
    /** Seeded from the global stream. */
    public GlorotNormal() {
        this(null);
    }

    /** Seeded with {@code seed}, or from the global stream when it is null. */
    public GlorotNormal(Long seed) {
        this(seed, null, null);
    }

    /** With Keras's {@code input_axes} / {@code output_axes} choosing the axes that make up the fans. */
    public GlorotNormal(Long seed, List<Integer> inputAxes, List<Integer> outputAxes) {
        super(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, seed, inputAxes, outputAxes);
    }

    @Override
    public String name() {
        return "glorot_normal";
    }

    /** Keras keeps only the seed and the axes for this preset. */
    @Override
    protected void addConfig(Map<String, Object> config) {
        addAxesConfig(config);
    }
}
