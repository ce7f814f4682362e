package dev.jnn.layers;

/**
 * The softmax over the key axis of attention scores, with Keras's ways of leaving out masked
 * positions. Scores are {@code [groups, t, s]} (a group is one batch entry and one head); the optional
 * {@code keep} mask is {@code [batch, t, s]} and is shared by the {@code heads} groups of a batch entry.
 */
final class MaskedSoftmax {
    /** Keras's large negative number for float32 logits. */
    private static final float LARGE_NEGATIVE = -1e9f;

    /** How masked scores are left out. */
    enum Fill {
        /** {@code where(keep, x, -1e9)}: a fully masked row becomes uniform ({@code ops.dot_product_attention}). */
        REPLACE,
        /** As {@link #REPLACE}, then masked probabilities are set to 0 (Keras's {@code Softmax} layer with a mask). */
        REPLACE_THEN_ZERO,
        /** {@code where(keep, x, x - 1e9)} (Keras's {@code Attention}): a fully masked row keeps its softmax. */
        SUBTRACT
    }

    private MaskedSoftmax() {
    }

    /** {@code probs = softmax(fill(scores))} row by row; {@code keep} may be null (nothing masked). */
    static void forward(float[] scores, float[] probs, float[] keep, Fill fill, int groups, int heads, int t, int s) {
        for (int g = 0; g < groups; g++) {
            int b = g / heads;
            for (int i = 0; i < t; i++) {
                int row = (g * t + i) * s;
                int keepRow = (b * t + i) * s;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < s; j++) {
                    float z = scores[row + j];
                    if (keep != null && keep[keepRow + j] == 0f) {
                        z = fill == Fill.SUBTRACT ? z + LARGE_NEGATIVE : LARGE_NEGATIVE;
                    }
                    probs[row + j] = z;
                    max = Math.max(max, z);
                }
                float sum = 0f;
                for (int j = 0; j < s; j++) {
                    float e = (float) Math.exp(probs[row + j] - max);
                    probs[row + j] = e;
                    sum += e;
                }
                for (int j = 0; j < s; j++) {
                    probs[row + j] /= sum;
                }
                if (fill == Fill.REPLACE_THEN_ZERO && keep != null) {
                    for (int j = 0; j < s; j++) {
                        if (keep[keepRow + j] == 0f) {
                            probs[row + j] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code dScores = J_softmaxᵀ · dProbs} through the fill; {@code probs} are the forward's output. With
     * {@link Fill#REPLACE_THEN_ZERO} the zeroed entries are 0 in {@code probs}, so they drop out of the
     * row sum as the zeroing's gradient does. {@code dScores} may be {@code dProbs} (in place).
     */
    static void backward(float[] probs, float[] dProbs, float[] dScores, float[] keep, Fill fill,
                         int groups, int heads, int t, int s) {
        for (int g = 0; g < groups; g++) {
            int b = g / heads;
            for (int i = 0; i < t; i++) {
                int row = (g * t + i) * s;
                int keepRow = (b * t + i) * s;
                float dot = 0f;
                for (int j = 0; j < s; j++) {
                    dot += dProbs[row + j] * probs[row + j];
                }
                for (int j = 0; j < s; j++) {
                    float d = probs[row + j] * (dProbs[row + j] - dot);
                    boolean masked = keep != null && keep[keepRow + j] == 0f;
                    dScores[row + j] = masked && fill != Fill.SUBTRACT ? 0f : d;
                }
            }
        }
    }
}
