package dev.jnn.activations;

/**
 * Keras {@code selu}: {@code f(x) = scale · x} for {@code x > 0}, else
 * {@code scale · alpha · (exp(x) - 1)}, with the fixed constants {@link #ALPHA} and {@link #SCALE} of
 * Klambauer et al. (2017); {@code f'(x) = scale} or {@code scale · alpha · exp(x)}.
 *
 * <pre>{@code
 * var f = Activations.selu();
 * f.apply(1.0);                  // 1.0507...
 * }</pre>
 */
public record Selu() implements ElementwiseActivation {
    /** The negative-part scale, as in Keras. */
    public static final double ALPHA = 1.6732632423543772848170429916717;
    /** The overall scale, as in Keras. */
    public static final double SCALE = 1.0507009873554804934193349852946;

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public double apply(double x) {
        return x > 0 ? SCALE * x : SCALE * ALPHA * Math.expm1(x);
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? SCALE : SCALE * ALPHA * Math.exp(x);
    }
}
