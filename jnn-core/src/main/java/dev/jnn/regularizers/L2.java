package dev.jnn.regularizers;

import java.util.Map;

/**
 * The L2 penalty {@code l2·Σw²} (Keras's default {@code l2 = 0.01}, no factor ½); gradient
 * {@code 2·l2·w}.
 *
 * <pre>{@code
 * Regularizer r = new L2(0.01);
 * float p = r.penalty(new float[] {1, -2});   // 0.05
 * }</pre>
 *
 * @param l2 the factor, non-negative
 */
public record L2(double l2) implements Regularizer {
    /** Keras's default, {@code l2 = 0.01}. */
    public L2() {
        this(0.01);
    }

    public L2 {
        Penalties.checkFactor("l2", l2);
    }

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public float penalty(float[] w) {
        return (float) (l2 * Penalties.sumSquares(w));
    }

    @Override
    public void addGradient(float[] w, float[] grad) {
        Penalties.checkGradient(w, grad);
        for (int i = 0; i < w.length; i++) {
            grad[i] += (float) (2.0 * l2 * w[i]);
        }
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("l2", l2);
    }
}
