package dev.jnn.losses;

/** Log-sum-exp and softmax of one row, shifted by the row maximum so that exp never overflows. */
final class Softmax {
    private Softmax() {
    }

    /** {@code log(Σ_j e^{x_j})} over {@code x[from, from + width)}. */
    static double logSumExp(float[] x, int from, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + width; j++) {
            max = Math.max(max, x[j]);
        }
        double sum = 0;
        for (int j = from; j < from + width; j++) {
            sum += Math.exp(x[j] - max);
        }
        return max + Math.log(sum);
    }
}
