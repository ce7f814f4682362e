package dev.jnn.activations;

/**
 * Keras {@code hard_silu} (alias {@code hard_swish}): {@code f(x) = x · relu6(x + 3) / 6}, i.e. 0 for
 * {@code x <= -3}, {@code x} for {@code x >= 3} and {@code x (x + 3) / 6} between;
 * {@code f'(x) = (2x + 3) / 6} on {@code (-3, 3)}, 0 below and 1 above.
 *
 * <pre>{@code
 * var f = Activations.hardSilu();   // Activations.get("hard_swish") is the same function
 * f.apply(1.0);                     // 0.666...
 * }</pre>
 */
public record HardSilu() implements ElementwiseActivation {
    @Override
    public String name() {
        return "hard_silu";
    }

    @Override
    public double apply(double x) {
        return x * Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    @Override
    public double derivative(double x, double y) {
        if (x <= -3) {
            return 0.0;
        }
        return x >= 3 ? 1.0 : (2.0 * x + 3.0) / 6.0;
    }
}
