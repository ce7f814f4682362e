package dev.jnn.activations;

/**
 * Keras {@code silu} (alias {@code swish}): {@code f(x) = x · sigmoid(x)},
 * {@code f'(x) = s · (1 + x · (1 - s))} with {@code s = sigmoid(x)}.
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
    public double apply(double x) {
        return x * ScalarMath.sigmoid(x);
    }

    @Override
    public double derivative(double x, double y) {
        double s = ScalarMath.sigmoid(x);
        return s * (1.0 + x * (1.0 - s));
    }
}
