package dev.jnn.losses;

import dev.jnn.tensor.Tensor;

/**
 * Losses that combine the whole last axis of a position at once (crossentropies over classes,
 * cosine similarity, ...). Position {@code p} reads {@code y[p·width, (p+1)·width)}; how it reads
 * its labels is up to the subclass (a row of the same layout, or one sparse label {@code t[p]}).
 */
abstract class RowwiseLoss extends Loss {
    RowwiseLoss(String name) {
        super(name);
    }

    /** The loss of position {@code p}, whose predictions start at {@code p · width}. */
    abstract double rowValue(float[] t, float[] y, int p, int width);

    /** Writes {@code scale · ∂loss_p/∂y} into {@code grad[p·width, (p+1)·width)}. */
    abstract void rowGradient(float[] t, float[] y, int p, int width, double scale, float[] grad);

    @Override
    protected final void perPosition(Tensor yTrue, Tensor yPred, float[] out) {
        int width = yPred.shape().dim(-1);
        for (int p = 0; p < out.length; p++) {
            out[p] = (float) rowValue(yTrue.data(), yPred.data(), p, width);
        }
    }

    @Override
    protected final void perPositionGradient(Tensor yTrue, Tensor yPred, float[] scale, float[] grad) {
        int width = yPred.shape().dim(-1);
        for (int p = 0; p < scale.length; p++) {
            rowGradient(yTrue.data(), yPred.data(), p, width, scale[p], grad);
        }
    }

    /** {@code Σ_j y_j} over {@code y[from, from + width)}. */
    static double rowSum(float[] y, int from, int width) {
        double sum = 0;
        for (int j = from; j < from + width; j++) {
            sum += y[j];
        }
        return sum;
    }
}
