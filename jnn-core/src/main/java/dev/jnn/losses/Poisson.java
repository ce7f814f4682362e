package dev.jnn.losses;

/**
 * Keras's {@code Poisson}: {@code loss = mean(y_pred - y_true · log(y_pred + 1e-7), axis=-1)}.
 *
 * <p>Predictions are expected to be positive rates; like Keras, nothing clips them, so
 * {@code y_pred <= -1e-7} gives NaN.
 *
 * <pre>{@code
 * Loss poisson = new Poisson();                    // or Losses.get("poisson")
 * float value = poisson.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class Poisson extends ElementwiseLoss {
    /** The loss, named {@code "poisson"} as in Keras. */
    public Poisson() {
        super("poisson");
    }

    @Override
    double value(float t, float y) {
        return y - t * Math.log((double) y + Epsilon.VALUE);
    }

    @Override
    double derivative(float t, float y) {
        return 1.0 - t / ((double) y + Epsilon.VALUE);
    }
}
