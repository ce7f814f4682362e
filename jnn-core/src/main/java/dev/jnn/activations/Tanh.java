package dev.jnn.activations;

import dev.jnn.kernels.ElementwiseKernels;

/**
 * Keras {@code tanh}: {@code f(x) = tanh(x)}, {@code f'(x) = 1 - y²} from the output.
 *
 * <p>Blocks run on the vectorised {@link dev.jnn.kernels.Elementwise#tanh} kernel (float32, within
 * 2e-7 relative); {@link #apply} is the double-precision formula.
 *
 * <pre>{@code
 * var f = Activations.tanh();
 * f.apply(0.5);                  // 0.4621...
 * }</pre>
 */
public record Tanh() implements ElementwiseActivation {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y);
        ElementwiseKernels.get().tanh(x, 0, y, 0, size);
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        ElementwiseKernels.get().tanhBackward(y, 0, dy, 0, dx, 0, size);
    }

    @Override
    public double apply(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 - y * y;
    }
}
