package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Map;

/**
 * Fills a new weight tensor, as Keras's initializers do.
 *
 * <p>Fans follow Keras's {@code compute_fans}: rank 2 {@code [fanIn, fanOut]}; rank 1 both equal the
 * size; higher ranks multiply the leading axes into a receptive field.
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
}
