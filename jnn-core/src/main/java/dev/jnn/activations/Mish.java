package dev.jnn.activations;

/**
 * Keras {@code mish}: {@code f(x) = x · tanh(softplus(x))}; with {@code t = tanh(softplus(x))},
 * {@code f'(x) = t + x · (1 - t²) · sigmoid(x)} (since {@code softplus' = sigmoid}).
 *
 * <pre>{@code
 * var f = Activations.mish();
 * f.apply(1.0);                  // 0.8650...
 * }</pre>
 */
public record Mish() implements ElementwiseActivation {
    @Override
    public String name() {
        return "mish";
    }

    @Override
    public double apply(double x) {
        return x * Math.tanh(ScalarMath.softplus(x));
    }

    @Override
    public double derivative(double x, double y) {
        double t = Math.tanh(ScalarMath.softplus(x));
        return t + x * (1.0 - t * t) * ScalarMath.sigmoid(x);
    }
}
