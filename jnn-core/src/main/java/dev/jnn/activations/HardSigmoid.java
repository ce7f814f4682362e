package dev.jnn.activations;

/**
 * Keras 3 {@code hard_sigmoid}: {@code f(x) = relu6(x + 3) / 6}, i.e. 0 for {@code x <= -3}, 1 for
 * {@code x >= 3} and {@code x/6 + 1/2} between; {@code f'(x) = 1/6} on {@code (-3, 3)}, else 0.
 * (Keras 2 used the slope 0.2 instead.)
 *
 * <pre>{@code
 * var f = Activations.hardSigmoid();
 * f.apply(1.5);                  // 0.75
 * }</pre>
 */
public record HardSigmoid() implements ElementwiseActivation {
    @Override
    public String name() {
        return "hard_sigmoid";
    }

    @Override
    public double apply(double x) {
        return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    @Override
    public double derivative(double x, double y) {
        return x > -3 && x < 3 ? 1.0 / 6.0 : 0.0;
    }
}
