package dev.jnn.regularizers;

/** The sums behind the L1 and L2 penalties, accumulated in double, and the argument checks they share. */
final class Penalties {
    private Penalties() {
    }

    /** {@code Σ|w|}. */
    static double sumAbs(float[] w) {
        double s = 0;
        for (float v : w) {
            s += Math.abs(v);
        }
        return s;
    }

    /** {@code Σw²}. */
    static double sumSquares(float[] w) {
        double s = 0;
        for (float v : w) {
            s += (double) v * v;
        }
        return s;
    }

    /** Rejects a factor Keras would reject: negative, NaN or infinite. */
    static void checkFactor(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + value);
        }
    }

    /** Rejects a gradient buffer of the wrong length. */
    static void checkGradient(float[] w, float[] grad) {
        if (grad == null || grad.length != w.length) {
            throw new IllegalArgumentException("grad must have the length of w (" + w.length + "), got "
                    + (grad == null ? "null" : String.valueOf(grad.length)));
        }
    }
}
