package dev.jnn.activations;

import dev.jnn.kernels.ElementwiseKernels;

/**
 * Keras {@code sigmoid}: {@code f(x) = 1 / (1 + exp(-x))}, computed as {@code exp(x) / (1 + exp(x))}
 * for negative x so {@code exp(-x)} never overflows; {@code f'(x) = y · (1 - y)} from the output.
 *
 * <p>Blocks run on the vectorised {@link dev.jnn.kernels.Elementwise#sigmoid} kernel (float32, within
 * 2e-7 relative); {@link #apply} is the double-precision formula.
 *
 * <pre>{@code
 * var f = Activations.sigmoid();
 * f.apply(0.0);                  // 0.5
 * }</pre>
 */
public record Sigmoid() implements ElementwiseActivation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y);
        ElementwiseKernels.get().sigmoid(x, 0, y, 0, size);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        ElementwiseKernels.get().sigmoidBackward(y, 0, dy, 0, dx, 0, size);
    }

    @Override
    public double apply(double x) {
        return ScalarMath.sigmoid(x);
    }

    @Override
    public double derivative(double x, double y) {
        return y * (1.0 - y);
    }
}
