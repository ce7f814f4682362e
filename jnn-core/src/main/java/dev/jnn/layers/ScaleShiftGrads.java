package dev.jnn.layers;

import dev.jnn.tensor.Parameter;

/** The backward of a normalization's {@code γ·x̂ + β} for its weights (LayerNormalization, GroupNormalization). */
final class ScaleShiftGrads {
    private ScaleShiftGrads() {
    }

    /**
     * Adds {@code dγ[c] += Σ dy·x̂} and {@code dβ[c] += Σ dy} over the elements of channel {@code c}, element
     * {@code i} being in channel {@code (i / inner) % channels}; a null or frozen parameter is skipped.
     */
    static void add(float[] dy, float[] xHat, int inner, int channels, Parameter gamma, Parameter beta) {
        if (gamma != null && gamma.trainable()) {
            float[] dg = gamma.grad();
            for (int i = 0; i < dy.length; i++) {
                dg[(i / inner) % channels] += dy[i] * xHat[i];
            }
        }
        if (beta != null && beta.trainable()) {
            float[] db = beta.grad();
            for (int i = 0; i < dy.length; i++) {
                db[(i / inner) % channels] += dy[i];
            }
        }
    }
}
