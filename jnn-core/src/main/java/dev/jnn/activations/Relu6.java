package dev.jnn.activations;

/**
 * Keras {@code relu6}: {@code f(x) = min(max(x, 0), 6)}, derivative 1 on {@code (0, 6)} and 0 elsewhere.
 *
 * <pre>{@code
 * var f = Activations.relu6();
 * f.forward(new float[] {-1, 3, 8}, y, 1, 3);   // y = [0, 3, 6]
 * }</pre>
 */
public record Relu6() implements ElementwiseActivation {
    @Override
    public String name() {
        return "relu6";
    }

    @Override
    public double apply(double x) {
        return Math.min(Math.max(x, 0.0), 6.0);
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 && x < 6 ? 1.0 : 0.0;
    }
}
