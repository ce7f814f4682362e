package dev.jnn.losses;

/**
 * Keras's {@code MeanAbsoluteError}: {@code loss = mean(|y_true - y_pred|, axis=-1)}.
 *
 * <p>The derivative at {@code y_pred == y_true} is taken as 0, like the backends' {@code sign}.
 *
 * <pre>{@code
 * Loss mae = new MeanAbsoluteError();              // or Losses.get("mae")
 * float value = mae.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class MeanAbsoluteError extends ElementwiseLoss {
    /** The loss, named {@code "mean_absolute_error"} as in Keras. */
    public MeanAbsoluteError() {
        super("mean_absolute_error");
    }

    @Override
    double value(float t, float y) {
        return Math.abs((double) y - t);
    }

    @Override
    double derivative(float t, float y) {
        return Math.signum((double) y - t);
    }
}
