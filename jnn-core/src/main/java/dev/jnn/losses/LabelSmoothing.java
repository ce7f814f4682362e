package dev.jnn.losses;

/** Validation of the {@code label_smoothing} option of the crossentropies. */
final class LabelSmoothing {
    private LabelSmoothing() {
    }

    /** Keras documents label smoothing as a float in [0, 1]. */
    static void check(double labelSmoothing) {
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 1], got " + labelSmoothing);
        }
    }
}
