package dev.jnn.activations;

import java.util.Map;

/**
 * Keras {@code gelu(x, approximate=False)}, the Gaussian error linear unit {@code f(x) = x · Φ(x)}.
 *
 * <ul>
 *   <li>exact: {@code Φ(x) = (1 + erf(x/√2)) / 2}, so {@code f'(x) = Φ(x) + x · φ(x)} with the normal
 *       density {@code φ(x) = exp(-x²/2)/√(2π)};</li>
 *   <li>approximate: {@code f(x) = x/2 · (1 + tanh(u))}, {@code u = √(2/π) · (x + 0.044715 x³)}, so
 *       {@code f'(x) = (1 + tanh u)/2 + x/2 · (1 - tanh² u) · √(2/π) · (1 + 3·0.044715 x²)}.</li>
 * </ul>
 * {@code Φ} is computed as {@code erfc(-x/√2)/2}, which keeps its relative accuracy for very negative x.
 *
 * <pre>{@code
 * var exact = Activations.gelu();           // approximate = false, the Keras default
 * var tanhForm = Activations.gelu(true);
 * exact.apply(1.0);                         // 0.841344...
 * }</pre>
 *
 * @param approximate whether to use the tanh form (Keras {@code approximate})
 */
public record Gelu(boolean approximate) implements ElementwiseActivation {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double CUBIC = 0.044715;

    /** The exact (erf) form, as Keras's default. */
    public Gelu() {
        this(false);
    }

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public double apply(double x) {
        if (approximate) {
            return 0.5 * x * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x)));
        }
        return x * normalCdf(x);
    }

    @Override
    public double derivative(double x, double y) {
        if (approximate) {
            double t = Math.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x));
            return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * SQRT_2_OVER_PI * (1.0 + 3.0 * CUBIC * x * x);
        }
        return normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** {@code approximate}. */
    @Override
    public Map<String, Object> config() {
        return Map.of("approximate", approximate);
    }

    private static double normalCdf(double x) {
        return 0.5 * ScalarMath.erfc(-x * INV_SQRT_2);
    }
}
