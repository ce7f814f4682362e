package dev.jnn.losses;

/**
 * Keras's {@code LogCosh}: {@code loss = mean(log(cosh(y_pred - y_true)), axis=-1)}, computed as
 * Keras does, {@code x + softplus(-2x) - log 2}, which cannot overflow for large errors.
 *
 * <p>{@code ∂/∂y_pred = tanh(y_pred - y_true)}.
 *
 * <pre>{@code
 * Loss logCosh = new LogCosh();                    // or Losses.get("log_cosh")
 * float value = logCosh.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class LogCosh extends ElementwiseLoss {
    private static final double LOG_2 = Math.log(2.0);

    /** The loss, named {@code "log_cosh"} as in Keras. */
    public LogCosh() {
        super("log_cosh");
    }

    @Override
    double value(float t, float y) {
        double x = (double) y - t;
        return x + Softplus.of(-2.0 * x) - LOG_2;
    }

    @Override
    double derivative(float t, float y) {
        return Math.tanh((double) y - t);
    }
}
