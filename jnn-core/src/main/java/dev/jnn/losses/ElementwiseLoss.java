package dev.jnn.losses;

import dev.jnn.tensor.Tensor;

/**
 * The shape shared by most Keras losses: a function of one label and one prediction, averaged over
 * the last axis ({@code loss_p = mean_j f(t_pj, y_pj)}).
 *
 * <p>Subclasses give {@code f} and its derivative in the prediction side by side; this class runs
 * the loops. The value is computed in double from the float32 inputs.
 */
abstract class ElementwiseLoss extends Loss {
    ElementwiseLoss(String name) {
        super(name);
    }

    /** {@code f(t, y)} for one label {@code t} and one prediction {@code y}. */
    abstract double value(float t, float y);

    /** {@code ∂f/∂y} at {@code (t, y)}. */
    abstract double derivative(float t, float y);

    /**
     * The labels {@link #value} sees, in the layout of {@code yTrue}; a hook for losses that rewrite
     * labels depending on the whole batch (the hinge losses map 0/1 labels to -1/1).
     */
    float[] labels(Tensor yTrue) {
        return yTrue.data();
    }

    @Override
    protected final void perPosition(Tensor yTrue, Tensor yPred, float[] out) {
        float[] t = labels(yTrue);
        float[] y = yPred.data();
        int width = yPred.shape().dim(-1);
        for (int p = 0; p < out.length; p++) {
            double sum = 0;
            for (int i = p * width; i < (p + 1) * width; i++) {
                sum += value(t[i], y[i]);
            }
            out[p] = (float) (sum / width);
        }
    }

    @Override
    protected final void perPositionGradient(Tensor yTrue, Tensor yPred, float[] scale, float[] grad) {
        float[] t = labels(yTrue);
        float[] y = yPred.data();
        int width = yPred.shape().dim(-1);
        for (int p = 0; p < scale.length; p++) {
            double s = (double) scale[p] / width;
            for (int i = p * width; i < (p + 1) * width; i++) {
                grad[i] = (float) (s * derivative(t[i], y[i]));
            }
        }
    }
}
