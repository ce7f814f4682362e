package dev.jnn.initializers;

import java.util.List;
import java.util.Map;

/**
 * The Glorot (Xavier) uniform initializer, Keras's default for Dense and Conv kernels: {@code w ~
 * U[-limit, limit)} with {@code limit = sqrt(6 / (fanIn + fanOut))}.
 *
 * <p>Same as {@code new VarianceScaling(1.0, Mode.FAN_AVG, Distribution.UNIFORM, seed)}; fans as in
 * {@link Fans}.
 * Reference: Glorot and Bengio, 2010.
 *
 * <pre>{@code
 * Initializer init = new GlorotUniform(42L);
 * Tensor kernel = init.create(Shape.of(784, 128));
 * }</pre>
 */
public final class GlorotUniform extends VarianceScaling {
    /** Seeded from the global stream. */
    public GlorotUniform() {
        this(null);
    }

    /** Seeded with {@code seed}, or from the global stream when it is null. */
    public GlorotUniform(Long seed) {
        this(seed, null, null);
    }

    /** With Keras's {@code input_axes} / {@code output_axes} choosing the axes that make up the fans. */
    public GlorotUniform(Long seed, List<Integer> inputAxes, List<Integer> outputAxes) {
        super(1.0, Mode.FAN_AVG, Distribution.UNIFORM, seed, inputAxes, outputAxes);
    }

    @Override
    public String name() {
        return "glorot_uniform";
    }

    /** Keras keeps only the seed and the axes for this preset. */
    @Override
    protected void addConfig(Map<String, Object> config) {
        addAxesConfig(config);
    }
}
