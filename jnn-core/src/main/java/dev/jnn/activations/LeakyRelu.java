package dev.jnn.activations;

import java.util.Map;

/**
 * Keras {@code leaky_relu(x, negative_slope=0.2)}: {@code f(x) = x} for {@code x >= 0}, else
 * {@code negative_slope · x}; the derivative is 1 or {@code negative_slope}.
 *
 * <p>Note the default slope 0.2 of {@code keras.activations.leaky_relu} (the {@code LeakyReLU} layer
 * uses 0.3).
 *
 * <pre>{@code
 * var f = Activations.leakyRelu();          // slope 0.2
 * f.apply(-2.0);                            // -0.4
 * }</pre>
 *
 * @param negativeSlope slope for negative inputs (Keras {@code negative_slope})
 */
public record LeakyRelu(float negativeSlope) implements ElementwiseActivation {
    /** Keras's default {@code negative_slope} for the function. */
    public static final float DEFAULT_NEGATIVE_SLOPE = 0.2f;

    public LeakyRelu {
        if (!Float.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("negativeSlope must be finite, got " + negativeSlope);
        }
    }

    /** Slope 0.2, as {@code keras.activations.leaky_relu}. */
    public LeakyRelu() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public double apply(double x) {
        return x >= 0 ? x : negativeSlope * x;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : negativeSlope;
    }

    /** {@code negative_slope}. */
    @Override
    public Map<String, Object> config() {
        return Map.of("negative_slope", negativeSlope);
    }
}
