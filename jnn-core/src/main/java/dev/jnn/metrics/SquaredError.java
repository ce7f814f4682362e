package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/** The per-sample squared error shared by MSE and RMSE. */
final class SquaredError {
    private SquaredError() {
    }

    /** {@code mean_j (yTrue_ij - yPred_ij)²} over the elements of sample i. */
    static double sampleMean(Tensor yTrue, Tensor yPred, int sample) {
        int n = yPred.size() / MetricInputs.batchSize(yPred);
        float[] t = yTrue.data();
        float[] p = yPred.data();
        double sum = 0;
        for (int j = sample * n; j < (sample + 1) * n; j++) {
            double d = (double) t[j] - p[j];
            sum += d * d;
        }
        return sum / n;
    }
}
