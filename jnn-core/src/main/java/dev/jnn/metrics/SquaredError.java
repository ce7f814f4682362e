package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/** The per-sample squared error shared by MSE and RMSE. */
final class SquaredError {
    private SquaredError() {
    }

    /** {@code mean_j (yTrue_pj - yPred_pj)²} over the last axis at flat position p. */
    static double positionMean(Tensor yTrue, Tensor yPred, int position) {
        int n = MeanMetricWrapper.width(yPred);
        float[] t = yTrue.data();
        float[] p = yPred.data();
        double sum = 0;
        for (int j = position * n; j < (position + 1) * n; j++) {
            double d = (double) t[j] - p[j];
            sum += d * d;
        }
        return sum / n;
    }
}
