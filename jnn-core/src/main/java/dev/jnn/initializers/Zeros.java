package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Arrays;

/**
 * Fills with {@code 0}: Keras's default for biases.
 *
 * <pre>{@code
 * Tensor bias = new Zeros().create(Shape.of(128));
 * }</pre>
 */
public record Zeros() implements Initializer {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Arrays.fill(out, 0f);
    }
}
