package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Shape checks and small row helpers shared by the metrics.
 *
 * <p>Keras lines up {@code y_true} and {@code y_pred} with {@code squeeze_or_expand_to_same_rank}: a
 * trailing axis of size 1 is added or dropped, so {@code [N]} labels meet {@code [N, 1]} outputs.
 * Since storage is row-major, that alignment never moves data: element-wise metrics only need equal
 * sizes, which is what these checks enforce.
 */
final class MetricInputs {
    private MetricInputs() {
    }

    /** The size of the batch axis; a rank-0 tensor counts as one sample, as Keras's Mean does. */
    static int batchSize(Tensor t) {
        return t.shape().rank() == 0 ? 1 : t.shape().dim(0);
    }

    /** The size of the last axis (1 for a scalar). */
    static int lastDim(Tensor t) {
        return t.shape().rank() == 0 ? 1 : t.shape().dim(-1);
    }

    /** Element-wise metrics: the two tensors must hold the same number of values. */
    static void requireSameSize(String metric, Tensor yTrue, Tensor yPred) {
        if (yTrue.size() != yPred.size() || batchSize(yTrue) != batchSize(yPred)) {
            throw new IllegalArgumentException(metric + ": yTrue " + yTrue.shape()
                    + " and yPred " + yPred.shape() + " must have the same size");
        }
    }

    /** Categorical metrics: one-hot labels and scores of the same shape {@code [N, ..., C]}. */
    static void requireOneHot(String metric, Tensor yTrue, Tensor yPred) {
        requireSameSize(metric, yTrue, yPred);
        if (yPred.shape().rank() < 2 || lastDim(yTrue) != lastDim(yPred)) {
            throw new IllegalArgumentException(metric + ": yTrue " + yTrue.shape() + " and yPred "
                    + yPred.shape() + " must be one-hot labels and scores of the same shape [N, ..., C]");
        }
    }

    /** Sample weights are one per sample (axis 0) or absent. */
    static void requireSampleWeight(String metric, float[] sampleWeight, int batch) {
        if (sampleWeight != null && sampleWeight.length != batch) {
            throw new IllegalArgumentException(metric + ": sampleWeight has " + sampleWeight.length
                    + " values, the batch has " + batch + " samples");
        }
    }

    /** Index of the first largest value of {@code data[offset, offset + length)}, as argmax does. */
    static int argmax(float[] data, int offset, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (data[offset + j] > data[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * TensorFlow's {@code in_top_k}: the target is in the top k when fewer than k scores are strictly
     * larger than its own, so ties at the boundary all count as hits. A target out of range or any
     * non-finite score in the row gives a miss.
     */
    static boolean inTopK(float[] data, int offset, int length, int target, int k) {
        if (target < 0 || target >= length) {
            return false;
        }
        float score = data[offset + target];
        int larger = 0;
        for (int j = 0; j < length; j++) {
            float v = data[offset + j];
            if (!Float.isFinite(v)) {
                return false;
            }
            if (v > score) {
                larger++;
            }
        }
        return larger < k;
    }
}
