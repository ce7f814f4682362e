package dev.jnn.initializers;

/** Sample moments in double, for the statistical checks of the random initializers. */
final class Stats {
    final double mean;
    final double variance;
    final double min;
    final double max;

    private Stats(double mean, double variance, double min, double max) {
        this.mean = mean;
        this.variance = variance;
        this.min = min;
        this.max = max;
    }

    static Stats of(float[] values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        double sq = 0;
        for (float v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new Stats(mean, sq / values.length, min, max);
    }

    /** Fraction of values with {@code |v - center| > distance}. */
    static double fractionBeyond(float[] values, double center, double distance) {
        int n = 0;
        for (float v : values) {
            if (Math.abs(v - center) > distance) {
                n++;
            }
        }
        return (double) n / values.length;
    }
}
