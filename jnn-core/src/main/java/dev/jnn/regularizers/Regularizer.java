package dev.jnn.regularizers;

import java.util.Map;

/**
 * A weight penalty added to the loss, as Keras's regularizers are.
 *
 * <pre>{@code
 * Regularizer r = Regularizers.get("l2");          // 0.01·Σw²
 * float penalty = r.penalty(kernel.data());
 * r.addGradient(kernel.data(), kernel.grad());     // += 0.02·w
 * }</pre>
 */
public interface Regularizer {
    /** The Keras name, e.g. {@code "l2"}. */
    String name();

    /** The penalty for weights {@code w}. */
    float penalty(float[] w);

    /** Adds {@code ∂penalty/∂w} into {@code grad}. */
    void addGradient(float[] w, float[] grad);

    /** Keras config entries. */
    default Map<String, Object> config() {
        return Map.of();
    }

    /** The Keras class name used in saved configs, e.g. {@code "L1L2"} for {@code l1_l2}. */
    default String className() {
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return sb.toString();
    }
}
