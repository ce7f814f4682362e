package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Accuracy}: how often {@code yPred} equals {@code yTrue} exactly.
 *
 * <p>{@code f_i = mean_j [yTrue_ij == yPred_ij]}, averaged over samples with the sample weights
 * (see {@link MeanMetricWrapper}). This is not what {@code metrics=["accuracy"]} selects: that
 * string picks a binary, categorical or sparse accuracy from the shapes ({@link Metrics#get}).
 *
 * <pre>{@code
 * Metric m = new Accuracy();
 * m.update(Tensor.of(new float[] {1, 2, 3, 4}), Tensor.of(new float[] {0, 2, 3, 4}), null);
 * m.result();   // 0.75
 * }</pre>
 */
public final class Accuracy extends MeanMetricWrapper {
    /** Exact-match accuracy named {@code "accuracy"}. */
    public Accuracy() {
        this("accuracy");
    }

    /** Exact-match accuracy with the given log name. */
    public Accuracy(String name) {
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
        int hits = 0;
        for (int j = position * n; j < (position + 1) * n; j++) {
            if (t[j] == p[j]) {
                hits++;
            }
        }
        return (double) hits / n;
    }
}
