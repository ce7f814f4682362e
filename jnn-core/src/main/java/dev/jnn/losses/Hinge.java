package dev.jnn.losses;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Hinge}: {@code loss = mean(max(1 - y_true · y_pred, 0), axis=-1)}.
 *
 * <p>Labels are expected in {-1, 1}; a batch whose labels are all 0 or 1 is converted to -1/1
 * first, as Keras does.
 *
 * <pre>{@code
 * Loss hinge = new Hinge();                        // or Losses.get("hinge")
 * float value = hinge.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class Hinge extends ElementwiseLoss {
    /** The loss, named {@code "hinge"} as in Keras. */
    public Hinge() {
        super("hinge");
    }

    @Override
    float[] labels(Tensor yTrue) {
        return HingeLabels.signed(yTrue.data());
    }

    @Override
    double value(float t, float y) {
        return Math.max(1.0 - (double) t * y, 0.0);
    }

    @Override
    double derivative(float t, float y) {
        // max(x, 0) passes the gradient at the tie x == 0, as the backends' maximum does.
        return 1.0 - (double) t * y >= 0.0 ? -(double) t : 0.0;
    }
}
