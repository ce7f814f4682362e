package dev.jnn.activations;

import dev.jnn.kernels.ElementwiseKernels;

/**
 * Keras {@code silu} (alias {@code swish}): {@code f(x) = x · sigmoid(x)},
 * {@code f'(x) = s · (1 + x · (1 - s))} with {@code s = sigmoid(x)}.
 *
 * <p>Blocks run on the vectorised {@link dev.jnn.kernels.Elementwise#silu} kernel (float32, within
 * 3e-7 relative); {@link #apply} is the double-precision formula.
 *
 * <pre>{@code
 * var f = Activations.silu();    // Activations.get("swish") is the same function
 * f.apply(1.0);                  // 0.7310...
 * }</pre>
 */
public record Silu() implements ElementwiseActivation {
    @Override
    public String name() {
        return "silu";
    }

    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y);
        ElementwiseKernels.get().silu(x, 0, y, 0, size);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        ElementwiseKernels.get().siluBackward(x, 0, dy, 0, dx, 0, size);
    }

    @Override
    public double apply(double x) {
        return x * ScalarMath.sigmoid(x);
    }

    @Override
    public double derivative(double x, double y) {
        double s = ScalarMath.sigmoid(x);
        return s * (1.0 + x * (1.0 - s));
    }
}
