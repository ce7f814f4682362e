package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Keras's {@code BinaryAccuracy}: how often the thresholded prediction equals the label.
 *
 * <p>{@code f_i = mean_j [yTrue_ij == (yPred_ij > threshold ? 1 : 0)]}; the comparison is strict,
 * so a prediction equal to the threshold counts as 0, and a label that is neither 0 nor 1 never
 * matches. Default threshold 0.5. {@code yTrue} of shape {@code [N]} meets {@code yPred} of shape
 * {@code [N, 1]}.
 *
 * <pre>{@code
 * Metric m = new BinaryAccuracy();
 * m.update(Tensor.of(new float[] {1, 0}), Tensor.of(new float[] {0.7f, 0.5f}), null);
 * m.result();   // 1.0
 * }</pre>
 */
public final class BinaryAccuracy extends MeanMetricWrapper {
    private final float threshold;

    /** Named {@code "binary_accuracy"}, threshold 0.5. */
    public BinaryAccuracy() {
        this("binary_accuracy", 0.5f);
    }

    /** With the given log name and threshold. */
    public BinaryAccuracy(String name, float threshold) {
        super(name);
        if (!Float.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        this.threshold = threshold;
    }

    /** The decision threshold: {@code yPred > threshold} means class 1. */
    public float threshold() {
        return threshold;
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
            float predicted = p[j] > threshold ? 1f : 0f;
            if (t[j] == predicted) {
                hits++;
            }
        }
        return (double) hits / n;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "threshold", (double) threshold);
    }
}
