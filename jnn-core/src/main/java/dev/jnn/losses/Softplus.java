package dev.jnn.losses;

/** {@code softplus(x) = log(1 + e^x)} and its relatives, stable for any x. */
final class Softplus {
    private Softplus() {
    }

    /** {@code log(1 + e^x)} written as {@code max(x, 0) + log1p(e^-|x|)} so e^x never overflows. */
    static double of(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** {@code 1 / (1 + e^-x)}, the derivative of softplus. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
