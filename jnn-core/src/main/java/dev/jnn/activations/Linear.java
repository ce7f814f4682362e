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

    @Override
    public double apply(double x) {
        return x;
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0;
    }
}
