package dev.jnn.activations;

/**
 * Keras {@code exponential}: {@code f(x) = exp(x)}, {@code f'(x) = exp(x) = y}. Overflows to infinity
 * above ~88.7 in float, as in Keras.
 *
 * <pre>{@code
 * var f = Activations.exponential();
 * f.apply(1.0);                  // e = 2.718...
 * }</pre>
 */
public record Exponential() implements ElementwiseActivation {
    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public double apply(double x) {
        return Math.exp(x);
    }

    @Override
    public double derivative(double x, double y) {
        return y;
    }
}
