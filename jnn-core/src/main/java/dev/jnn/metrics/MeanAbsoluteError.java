package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code MeanAbsoluteError} metric: the running weighted mean of {@code mean(|yTrue - yPred|)}.
 *
 * <p>{@code f_i = mean_j |yTrue_ij - yPred_ij|} over the elements of sample i, averaged over samples
 * with the sample weights. {@code yTrue} and {@code yPred} hold the same number of values.
 *
 * <pre>{@code
 * Metric m = new MeanAbsoluteError();
 * m.update(Tensor.of(new float[] {0, 1}), Tensor.of(new float[] {2, 1}), null);
 * m.result();   // 1.0
 * }</pre>
 */
public final class MeanAbsoluteError extends MeanMetricWrapper {
    /** Named {@code "mean_absolute_error"}. */
    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }

    /** With the given log name. */
    public MeanAbsoluteError(String name) {
        super(name);
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        MetricInputs.requireSameSize(name(), yTrue, yPred);
    }

    @Override
    protected double positionValue(Tensor yTrue, Tensor yPred, int position) {
        int n = width(yPred);
        float[] t = yTrue.data();
        float[] p = yPred.data();
        double sum = 0;
        for (int j = position * n; j < (position + 1) * n; j++) {
            sum += Math.abs((double) t[j] - p[j]);
        }
        return sum / n;
    }
}
