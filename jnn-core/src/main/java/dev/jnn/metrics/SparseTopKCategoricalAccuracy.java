package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Keras's {@code SparseTopKCategoricalAccuracy}: how often the integer label is among the k highest
 * scores.
 *
 * <p>{@code f_i = mean_p [inTopK((int) yTrue_ip, yPred_ip, k)]}. Labels are cast to int as Keras
 * does (truncation), so 1.7 means class 1; a label outside {@code [0, C)} is a miss. Ties follow
 * TensorFlow: fewer than k strictly larger scores is a hit. Labels of shape {@code [N]} or
 * {@code [N, 1]} for scores {@code [N, C]}. Default k = 5.
 *
 * <pre>{@code
 * Metric m = new SparseTopKCategoricalAccuracy(2);
 * m.update(Tensor.ofLabels(new int[] {0}), Tensor.of(new float[][] {{0.2f, 0.5f, 0.3f}}), null);
 * m.result();   // 0.0: class 0 has the lowest score
 * }</pre>
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    /** Named {@code "sparse_top_k_categorical_accuracy"}, k = 5. */
    public SparseTopKCategoricalAccuracy() {
        this(5);
    }

    /** Named {@code "sparse_top_k_categorical_accuracy"}. */
    public SparseTopKCategoricalAccuracy(int k) {
        this("sparse_top_k_categorical_accuracy", k);
    }

    /** With the given log name and k. */
    public SparseTopKCategoricalAccuracy(String name, int k) {
        super(name);
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        this.k = k;
    }

    /** How many of the highest scores count as a hit. */
    public int k() {
        return k;
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        SparseLabels.check(name(), yTrue, yPred);
    }

    @Override
    protected double sampleValue(Tensor yTrue, Tensor yPred, int sample) {
        int classes = MetricInputs.lastDim(yPred);
        int positions = yPred.size() / MetricInputs.batchSize(yPred) / classes;
        int hits = 0;
        for (int p = sample * positions; p < (sample + 1) * positions; p++) {
            int target = (int) yTrue.get(p);
            if (MetricInputs.inTopK(yPred.data(), p * classes, classes, target, k)) {
                hits++;
            }
        }
        return (double) hits / positions;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "k", k);
    }
}
