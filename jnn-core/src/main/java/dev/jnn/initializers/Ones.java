package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Arrays;

/**
 * Fills with {@code 1}: e.g. the default {@code gamma} of normalization layers.
 *
 * <pre>{@code
 * Tensor gamma = new Ones().create(Shape.of(64));
 * }</pre>
 */
public record Ones() implements Initializer {
    @Override
    public String name() {
        return "ones";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Arrays.fill(out, 1f);
    }
}
