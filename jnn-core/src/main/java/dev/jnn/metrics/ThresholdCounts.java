package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Weighted true-positive, false-positive and false-negative counts at one threshold: the
 * non-bucketed branch of Keras's {@code update_confusion_matrix_variables} used by
 * {@link Precision} and {@link Recall}.
 *
 * <p>Every element of {@code yPred} is one decision: positive when {@code yPred > threshold}, with
 * label positive when {@code yTrue != 0}, weighted by its sample's weight. With {@code topK}, scores
 * outside the k largest of their row (ties to the lower index, as {@code top_k} picks) become
 * {@code -1e10} first; with {@code classId}, only that column of the last axis counts.
 */
final class ThresholdCounts {
    /** Keras's {@code NEG_INF}: the score given to entries outside the top k, and the default threshold then. */
    static final float NEG_INF = -1e10f;

    double truePositives;
    double falsePositives;
    double falseNegatives;

    void reset() {
        truePositives = 0;
        falsePositives = 0;
        falseNegatives = 0;
    }

    void add(String metric, Tensor yTrue, Tensor yPred, float[] sampleWeight,
             float threshold, Integer topK, Integer classId) {
        MetricInputs.requireSameSize(metric, yTrue, yPred);
        int batch = MetricInputs.batchSize(yPred);
        MetricInputs.requireSampleWeight(metric, sampleWeight, batch);
        int columns = MetricInputs.lastDim(yPred);
        if (classId != null && (yPred.shape().rank() < 2 || classId >= columns)) {
            throw new IllegalArgumentException(metric + ": classId " + classId
                    + " needs yPred of shape [N, C] with C > classId, got " + yPred.shape());
        }
        int perSample = batch == 0 ? 0 : yPred.size() / batch;
        float[] t = yTrue.data();
        float[] p = yPred.data();
        for (int j = 0; j < p.length; j++) {
            int column = j % columns;
            if (classId != null && column != classId) {
                continue;
            }
            float score = topK == null || inTopKSet(p, j - column, columns, column, topK) ? p[j] : NEG_INF;
            boolean predicted = score > threshold;
            boolean actual = t[j] != 0f;
            double w = sampleWeight == null ? 1.0 : sampleWeight[j / perSample];
            if (actual && predicted) {
                truePositives += w;
            } else if (predicted) {
                falsePositives += w;
            } else if (actual) {
                falseNegatives += w;
            }
        }
    }

    /** Whether entry {@code column} is among the k entries {@code top_k} returns (ties to lower index). */
    private static boolean inTopKSet(float[] data, int offset, int length, int column, int k) {
        float score = data[offset + column];
        int ahead = 0;
        for (int c = 0; c < length; c++) {
            float v = data[offset + c];
            if (v > score || (v == score && c < column)) {
                ahead++;
            }
        }
        return ahead < k;
    }

    /** {@code a / b}, or 0 when {@code b == 0} (Keras's {@code divide_no_nan}). */
    static double divideNoNan(double a, double b) {
        return b == 0 ? 0.0 : a / b;
    }
}
