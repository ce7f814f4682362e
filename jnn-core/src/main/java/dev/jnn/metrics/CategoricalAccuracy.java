package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code CategoricalAccuracy}: how often the arg-max of the prediction is the arg-max of the
 * one-hot label.
 *
 * <p>{@code f_i = mean_p [argmax(yTrue_ip) == argmax(yPred_ip)]} over the positions p of sample i
 * (one position for {@code [N, C]} inputs), arg-max taken over the last axis with ties going to the
 * first index. Both tensors have the same shape.
 *
 * <pre>{@code
 * Metric m = new CategoricalAccuracy();
 * m.update(Tensor.of(new float[][] {{0, 1}}), Tensor.of(new float[][] {{0.3f, 0.7f}}), null);
 * m.result();   // 1.0
 * }</pre>
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {
    /** Named {@code "categorical_accuracy"}. */
    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    /** With the given log name. */
    public CategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        MetricInputs.requireOneHot(name(), yTrue, yPred);
    }

    @Override
    protected double positionValue(Tensor yTrue, Tensor yPred, int position) {
        int classes = MetricInputs.lastDim(yPred);
        int offset = position * classes;
        return MetricInputs.argmax(yTrue.data(), offset, classes) == MetricInputs.argmax(yPred.data(), offset, classes)
                ? 1 : 0;
    }
}
