package dev.jnn.losses;

/**
 * Keras's {@code MeanSquaredError}: {@code loss = mean((y_true - y_pred)², axis=-1)}.
 *
 * <pre>{@code
 * Loss mse = new MeanSquaredError();               // or Losses.get("mse")
 * float value = mse.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class MeanSquaredError extends ElementwiseLoss {
    /** The loss, named {@code "mean_squared_error"} as in Keras. */
    public MeanSquaredError() {
        super("mean_squared_error");
    }

    @Override
    double value(float t, float y) {
        double d = (double) y - t;
        return d * d;
    }

    @Override
    double derivative(float t, float y) {
        return 2.0 * ((double) y - t);
    }
}
