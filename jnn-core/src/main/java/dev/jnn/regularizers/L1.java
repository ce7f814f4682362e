package dev.jnn.regularizers;

import java.util.Map;

/**
 * The L1 penalty {@code l1·Σ|w|} (Keras's default {@code l1 = 0.01}); gradient {@code l1·sign(w)},
 * taken as 0 at {@code w = 0} as TensorFlow and NumPy do.
 *
 * <pre>{@code
 * Regularizer r = new L1(0.01);
 * float p = r.penalty(new float[] {1, -2});   // 0.03
 * }</pre>
 *
 * @param l1 the factor, non-negative
 */
public record L1(double l1) implements Regularizer {
    /** Keras's default, {@code l1 = 0.01}. */
    public L1() {
        this(0.01);
    }

    public L1 {
        Penalties.checkFactor("l1", l1);
    }

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public float penalty(float[] w) {
        return (float) (l1 * Penalties.sumAbs(w));
    }

    @Override
    public void addGradient(float[] w, float[] grad) {
        Penalties.checkGradient(w, grad);
        for (int i = 0; i < w.length; i++) {
            grad[i] += (float) (l1 * Math.signum(w[i]));
        }
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("l1", l1);
    }
}
