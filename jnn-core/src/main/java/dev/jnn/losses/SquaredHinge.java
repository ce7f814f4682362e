package dev.jnn.losses;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code SquaredHinge}: {@code loss = mean(max(1 - y_true · y_pred, 0)², axis=-1)}.
 *
 * <p>Labels are expected in {-1, 1}; a batch whose labels are all 0 or 1 is converted to -1/1
 * first, as Keras does.
 *
 * <pre>{@code
 * Loss squaredHinge = new SquaredHinge();          // or Losses.get("squared_hinge")
 * float value = squaredHinge.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class SquaredHinge extends ElementwiseLoss {
    /** The loss, named {@code "squared_hinge"} as in Keras. */
    public SquaredHinge() {
        super("squared_hinge");
    }

    @Override
    float[] labels(Tensor yTrue) {
        return HingeLabels.signed(yTrue.data());
    }

    @Override
    double value(float t, float y) {
        double margin = Math.max(1.0 - (double) t * y, 0.0);
        return margin * margin;
    }

    @Override
    double derivative(float t, float y) {
        double margin = Math.max(1.0 - (double) t * y, 0.0);
        return -2.0 * t * margin;
    }
}
