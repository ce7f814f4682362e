package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Fills a new weight tensor, as Keras's initializers do.
 *
 * <p>Fans follow Keras's {@code compute_fans}: rank 2 {@code [fanIn, fanOut]}; rank 1 both equal the
 * size; higher ranks multiply the leading axes into a receptive field (see {@link Fans}).
 *
 * <pre>{@code
 * Initializer init = Initializers.get("glorot_uniform");
 * Tensor kernel = init.create(Shape.of(784, 128));
 * }</pre>
 */
public interface Initializer {
    /** The Keras name in snake_case, e.g. {@code "glorot_uniform"}. */
    String name();

    /** Writes initial values for a weight of {@code shape} into {@code out} (length = shape.size()). */
    void initialize(Shape shape, float[] out);

    /** Keras config entries (seed, scale, ...). */
    default Map<String, Object> config() {
        return Map.of();
    }

    /** The Keras class name used in saved configs, e.g. {@code "GlorotUniform"} for {@code glorot_uniform}. */
    default String className() {
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return sb.toString();
    }

    /** A new tensor of {@code shape} filled by {@link #initialize(Shape, float[])}. */
    default Tensor create(Shape shape) {
        float[] values = new float[shape.size()];
        initialize(shape, values);
        return new Tensor(shape, values);
    }
}
