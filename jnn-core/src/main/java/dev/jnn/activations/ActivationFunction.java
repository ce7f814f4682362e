package dev.jnn.activations;

import java.util.Map;

/**
 * An element-wise (or, for softmax-like functions, row-wise) activation with its derivative.
 *
 * <p>Data are row-major blocks of {@code rows × cols}; row-wise functions normalise over each row of
 * {@code cols} values (Keras's default {@code axis=-1}), element-wise ones ignore the split.
 */
public interface ActivationFunction {
    /** The Keras name, e.g. {@code "relu"}. */
    String name();

    /** Writes {@code y = f(x)}; {@code y} may be {@code x}. */
    void forward(float[] x, float[] y, int rows, int cols);

    /**
     * Writes {@code dx = (∂f/∂x)ᵀ · dy} given the input {@code x} and output {@code y} of the
     * forward call; {@code dx} may be {@code dy}.
     */
    void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols);

    /** Keras config entries beyond the name (e.g. {@code negative_slope}); empty when none. */
    default Map<String, Object> config() {
        return Map.of();
    }
}
