package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code SparseCategoricalAccuracy}: how often the arg-max of the prediction equals the
 * integer label.
 *
 * <p>{@code f_i = mean_p [yTrue_ip == argmax(yPred_ip)]} over the positions p of sample i, the
 * arg-max taken over the last axis (ties to the first index). Labels are class indices stored as
 * floats, of shape {@code [N]} or {@code [N, 1]} for scores {@code [N, C]} (in general, one label per
 * position of {@code yPred}); a non-integral label never matches.
 *
 * <pre>{@code
 * Metric m = new SparseCategoricalAccuracy();
 * m.update(Tensor.ofLabels(new int[] {1}), Tensor.of(new float[][] {{0.3f, 0.7f}}), null);
 * m.result();   // 1.0
 * }</pre>
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {
    /** Named {@code "sparse_categorical_accuracy"}. */
    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    /** With the given log name. */
    public SparseCategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        SparseLabels.check(name(), yTrue, yPred);
    }

    @Override
    protected double positionValue(Tensor yTrue, Tensor yPred, int position) {
        int classes = MetricInputs.lastDim(yPred);
        return yTrue.get(position) == MetricInputs.argmax(yPred.data(), position * classes, classes) ? 1 : 0;
    }
}
