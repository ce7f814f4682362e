package dev.jnn.activations;

/**
 * Keras {@code sigmoid}: {@code f(x) = 1 / (1 + exp(-x))}, computed as {@code exp(x) / (1 + exp(x))}
 * for negative x so {@code exp(-x)} never overflows; {@code f'(x) = y · (1 - y)} from the output.
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
    public double apply(double x) {
        return ScalarMath.sigmoid(x);
    }

    @Override
    public double derivative(double x, double y) {
        return y * (1.0 - y);
    }
}
