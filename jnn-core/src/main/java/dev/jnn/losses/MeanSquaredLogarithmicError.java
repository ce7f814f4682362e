package dev.jnn.losses;

/**
 * Keras's {@code MeanSquaredLogarithmicError}:
 * {@code loss = mean((log(max(y_pred, 1e-7) + 1) - log(max(y_true, 1e-7) + 1))², axis=-1)}.
 *
 * <p>Values below epsilon (zero and negatives) are replaced by epsilon, so the gradient there is 0.
 *
 * <pre>{@code
 * Loss msle = new MeanSquaredLogarithmicError();   // or Losses.get("msle")
 * float value = msle.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class MeanSquaredLogarithmicError extends ElementwiseLoss {
    /** The loss, named {@code "mean_squared_logarithmic_error"} as in Keras. */
    public MeanSquaredLogarithmicError() {
        super("mean_squared_logarithmic_error");
    }

    @Override
    double value(float t, float y) {
        double d = logOnePlus(y) - logOnePlus(t);
        return d * d;
    }

    @Override
    double derivative(float t, float y) {
        if (y < Epsilon.VALUE) {
            return 0.0;
        }
        return 2.0 * (logOnePlus(y) - logOnePlus(t)) / (1.0 + y);
    }

    private static double logOnePlus(float x) {
        return Math.log1p(Math.max(x, Epsilon.VALUE));
    }
}
