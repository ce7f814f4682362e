package dev.jnn.activations;

/**
 * An activation applied to each value on its own, {@code y = f(x)}, with its derivative
 * {@code f'(x)}; the block split into rows and columns does not matter.
 *
 * <p>Implementations give the scalar function and its derivative in double; the loops here round
 * each result to float once. Backward is {@code dx = dy · f'(x)}.
 *
 * <pre>{@code
 * ElementwiseActivation tanh = new Tanh();
 * double y = tanh.apply(0.5);                 // 0.46211...
 * double slope = tanh.derivative(0.5, y);     // 1 - y² = 0.78644...
 * }</pre>
 */
public interface ElementwiseActivation extends ActivationFunction {
    /** {@code f(x)}. */
    double apply(double x);

    /**
     * {@code f'(x)}, given the input {@code x} and the output {@code y = f(x)} (as stored in float), so
     * functions whose derivative is cheaper from the output (sigmoid, tanh) can use it.
     */
    double derivative(double x, double y);

    @Override
    default void forward(float[] x, float[] y, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y);
        for (int i = 0; i < size; i++) {
            y[i] = (float) apply(x[i]);
        }
    }

    @Override
    default void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        for (int i = 0; i < size; i++) {
            // dy[i] is read before dx[i] is written, so dx may alias dy.
            dx[i] = (float) (dy[i] * derivative(x[i], y[i]));
        }
    }
}
