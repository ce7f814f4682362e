package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code RootMeanSquaredError}: the square root of the running weighted mean squared error.
 *
 * <p>{@code result = sqrt(Σ_i w_i·mean_j (yTrue_ij - yPred_ij)² / Σ_i w_i)}: the root is taken once,
 * on the accumulated mean, not per batch.
 *
 * <pre>{@code
 * Metric m = new RootMeanSquaredError();
 * m.update(Tensor.of(new float[] {0, 0}), Tensor.of(new float[] {3, 4}), null);
 * m.result();   // sqrt(12.5)
 * }</pre>
 */
public final class RootMeanSquaredError extends MeanMetricWrapper {
    /** Named {@code "root_mean_squared_error"}. */
    public RootMeanSquaredError() {
        this("root_mean_squared_error");
    }

    /** With the given log name. */
    public RootMeanSquaredError(String name) {
        super(name);
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        MetricInputs.requireSameSize(name(), yTrue, yPred);
    }

    @Override
    protected double positionValue(Tensor yTrue, Tensor yPred, int position) {
        return SquaredError.positionMean(yTrue, yPred, position);
    }

    /**
     * Keras's RootMeanSquaredError is a Mean of squared errors, not a MeanMetricWrapper: the mask of
     * y_pred does not reach it, so padded time steps count (checked against Keras 3.15.1).
     */
    @Override
    protected boolean appliesMask() {
        return false;
    }

    @Override
    public double result() {
        return Math.sqrt(super.result());
    }
}
