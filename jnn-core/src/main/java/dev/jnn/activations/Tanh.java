package dev.jnn.activations;

/**
 * Keras {@code tanh}: {@code f(x) = tanh(x)}, {@code f'(x) = 1 - y²} from the output.
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
    public double apply(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 - y * y;
    }
}
