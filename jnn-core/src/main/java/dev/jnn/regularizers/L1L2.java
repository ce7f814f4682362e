package dev.jnn.regularizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both penalties: {@code l1·Σ|w| + l2·Σw²} (Keras's defaults {@code l1 = l2 = 0}); gradient
 * {@code l1·sign(w) + 2·l2·w}.
 *
 * <pre>{@code
 * Regularizer r = new L1L2(0.01, 0.01);
 * float p = r.penalty(new float[] {1, -2});   // 0.03 + 0.05
 * }</pre>
 *
 * @param l1 the L1 factor, non-negative
 * @param l2 the L2 factor, non-negative
 */
public record L1L2(double l1, double l2) implements Regularizer {
    /** Keras's defaults, {@code l1 = l2 = 0}: no penalty until a factor is set. */
    public L1L2() {
        this(0.0, 0.0);
    }

    public L1L2 {
        Penalties.checkFactor("l1", l1);
        Penalties.checkFactor("l2", l2);
    }

    @Override
    public String name() {
        return "l1_l2";
    }

    @Override
    public float penalty(float[] w) {
        return (float) (l1 * Penalties.sumAbs(w) + l2 * Penalties.sumSquares(w));
    }

    @Override
    public void addGradient(float[] w, float[] grad) {
        Penalties.checkGradient(w, grad);
        for (int i = 0; i < w.length; i++) {
            grad[i] += (float) (l1 * Math.signum(w[i]) + 2.0 * l2 * w[i]);
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("l1", l1);
        config.put("l2", l2);
        return Collections.unmodifiableMap(config);
    }
}
