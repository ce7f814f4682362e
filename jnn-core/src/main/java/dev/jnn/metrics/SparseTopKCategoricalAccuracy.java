package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

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
public final class SparseTopKCategoricalAccuracy extends TopKAccuracy {
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
        super(name, k);
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        SparseLabels.check(name(), yTrue, yPred);
    }

    @Override
    int target(Tensor yTrue, int position, int classes) {
        return (int) yTrue.get(position);
    }
}
