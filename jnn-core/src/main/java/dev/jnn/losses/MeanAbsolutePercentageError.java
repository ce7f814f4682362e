package dev.jnn.losses;

/**
 * Keras's {@code MeanAbsolutePercentageError}:
 * {@code loss = 100 · mean(|(y_true - y_pred) / max(|y_true|, 1e-7)|, axis=-1)}.
 *
 * <p>The epsilon only guards labels equal (or very close) to zero, as in Keras.
 *
 * <pre>{@code
 * Loss mape = new MeanAbsolutePercentageError();   // or Losses.get("mape")
 * float value = mape.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class MeanAbsolutePercentageError extends ElementwiseLoss {
    /** The loss, named {@code "mean_absolute_percentage_error"} as in Keras. */
    public MeanAbsolutePercentageError() {
        super("mean_absolute_percentage_error");
    }

    @Override
    double value(float t, float y) {
        return 100.0 * Math.abs(((double) t - y) / denominator(t));
    }

    @Override
    double derivative(float t, float y) {
        return 100.0 * Math.signum((double) y - t) / denominator(t);
    }

    private static double denominator(float t) {
        return Math.max(Math.abs(t), Epsilon.VALUE);
    }
}
