package dev.jnn.activations;

/**
 * Keras {@code softplus}: {@code f(x) = log(exp(x) + 1)}, computed as
 * {@code max(x, 0) + log1p(exp(-|x|))} so that large |x| neither overflows nor loses the small term;
 * {@code f'(x) = sigmoid(x)}.
 *
 * <pre>{@code
 * var f = Activations.softplus();
 * f.apply(0.0);                  // log 2 = 0.6931...
 * }</pre>
 */
public record Softplus() implements ElementwiseActivation {
    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public double apply(double x) {
        return ScalarMath.softplus(x);
    }

    @Override
    public double derivative(double x, double y) {
        return ScalarMath.sigmoid(x);
    }
}
