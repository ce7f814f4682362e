package dev.jnn.activations;

/**
 * Keras {@code linear}: the identity, {@code f(x) = x}, {@code f'(x) = 1}.
 *
 * <pre>{@code
 * ActivationFunction f = Activations.linear();   // also Activations.get(null)
 * f.forward(x, y, rows, cols);                    // y is a copy of x
 * }</pre>
 */
public record Linear() implements ElementwiseActivation {
    @Override
    public String name() {
        return "linear";
    }

    /** Copies {@code x} into {@code y}: nothing to compute, so no per-element loop. */
    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y);
        if (x != y) {
            System.arraycopy(x, 0, y, 0, size);
        }
    }

    /** Copies {@code dy} into {@code dx}. */
    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
        if (dy != dx) {
            System.arraycopy(dy, 0, dx, 0, size);
        }
    }

    @Override
    public double apply(double x) {
        return x;
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0;
    }
}
