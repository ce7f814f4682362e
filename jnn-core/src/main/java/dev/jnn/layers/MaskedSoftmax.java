package dev.jnn.layers;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;

/**
 * The softmax over the key axis of attention scores, with Keras's ways of leaving out masked
 * positions. Scores are {@code [groups, t, s]} (a group is one batch entry and one head); the optional
 * {@code keep} mask is {@code [batch, t, s]} and is shared by the {@code heads} groups of a batch entry.
 */
final class MaskedSoftmax {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();

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
        if (keep == null) {
            ELEMENTWISE.softmaxRows(scores, 0, probs, 0, groups * t, s);
            return;
        }
        for (int g = 0; g < groups; g++) {
            int keepBlock = g / heads * t * s;
            int block = g * t * s;
            for (int i = 0; i < t * s; i++) {
                float z = scores[block + i];
                if (keep[keepBlock + i] == 0f) {
                    z = fill == Fill.SUBTRACT ? z + LARGE_NEGATIVE : LARGE_NEGATIVE;
                }
                probs[block + i] = z;
            }
        }
        ELEMENTWISE.softmaxRows(probs, 0, probs, 0, groups * t, s);
        if (fill == Fill.REPLACE_THEN_ZERO) {
            zeroMasked(probs, keep, groups, heads, t * s);
        }
    }

    /**
     * {@code dScores = J_softmaxᵀ · dProbs} through the fill; {@code probs} are the forward's output. With
     * {@link Fill#REPLACE_THEN_ZERO} the zeroed entries are 0 in {@code probs}, so they drop out of the
     * row sum as the zeroing's gradient does. {@code dScores} may be {@code dProbs} (in place).
     */
    static void backward(float[] probs, float[] dProbs, float[] dScores, float[] keep, Fill fill,
                         int groups, int heads, int t, int s) {
        ELEMENTWISE.softmaxRowsBackward(probs, 0, dProbs, 0, dScores, 0, groups * t, s);
        if (keep != null && fill != Fill.SUBTRACT) {
            // where(keep, x, constant) passes no gradient to masked scores
            zeroMasked(dScores, keep, groups, heads, t * s);
        }
    }

    private static void zeroMasked(float[] values, float[] keep, int groups, int heads, int block) {
        for (int g = 0; g < groups; g++) {
            int keepBlock = g / heads * block;
            for (int i = 0; i < block; i++) {
                if (keep[keepBlock + i] == 0f) {
                    values[g * block + i] = 0f;
                }
            }
        }
    }
}
