package dev.jnn.activations;

/**
 * Keras {@code softsign}: {@code f(x) = x / (|x| + 1)}, {@code f'(x) = 1 / (|x| + 1)²}.
 *
 * <pre>{@code
 * var f = Activations.softsign();
 * f.apply(-3.0);                 // -0.75
 * }</pre>
 */
public record Softsign() implements ElementwiseActivation {
    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public double apply(double x) {
        return x / (Math.abs(x) + 1.0);
    }

    @Override
    public double derivative(double x, double y) {
        double d = Math.abs(x) + 1.0;
        return 1.0 / (d * d);
    }
}
