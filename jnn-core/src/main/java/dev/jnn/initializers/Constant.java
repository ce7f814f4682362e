package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Fills with one scalar: {@code w = value} (Keras's default value is 0).
 *
 * <pre>{@code
 * Tensor bias = new Constant(0.1).create(Shape.of(10));
 * }</pre>
 *
 * @param value the scalar every element takes (rounded to float32)
 */
public record Constant(double value) implements Initializer {
    /** Keras's default, {@code value = 0}. */
    public Constant() {
        this(0.0);
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        Arrays.fill(out, (float) value);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("value", value);
    }
}
