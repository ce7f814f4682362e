package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/** The shape rule of sparse metrics: one integer label per position of a {@code [N, ..., C]} score. */
final class SparseLabels {
    private SparseLabels() {
    }

    static void check(String metric, Tensor yTrue, Tensor yPred) {
        int classes = MetricInputs.lastDim(yPred);
        boolean fits = yPred.shape().rank() >= 2
                && classes > 0
                && yTrue.size() * classes == yPred.size()
                && MetricInputs.batchSize(yTrue) == MetricInputs.batchSize(yPred);
        if (!fits) {
            throw new IllegalArgumentException(metric + ": yTrue " + yTrue.shape() + " must hold one label"
                    + " per row of yPred " + yPred.shape() + " (e.g. [N] or [N, 1] for [N, C])");
        }
    }
}
