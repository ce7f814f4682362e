package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code MeanSquaredError} metric: the running weighted mean of {@code mean((yTrue - yPred)²)}.
 *
 * <p>{@code f_i = mean_j (yTrue_ij - yPred_ij)²} over the elements of sample i, averaged over samples
 * with the sample weights. {@code yTrue} and {@code yPred} hold the same number of values
 * ({@code [N]} meets {@code [N, 1]}).
 *
 * <pre>{@code
 * Metric m = new MeanSquaredError();
 * m.update(Tensor.of(new float[] {0, 1}), Tensor.of(new float[] {1, 1}), null);
 * m.result();   // 0.5
 * }</pre>
 */
public final class MeanSquaredError extends MeanMetricWrapper {
    /** Named {@code "mean_squared_error"}. */
    public MeanSquaredError() {
        this("mean_squared_error");
    }

    /** With the given log name. */
    public MeanSquaredError(String name) {
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
}
