package dev.jnn.regularizers;

import java.util.Map;

/** A weight penalty added to the loss, as Keras's regularizers are. */
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
}
