package dev.jnn.metrics;

/** Validation and defaults of the {@code thresholds / top_k / class_id} options of Precision and Recall. */
final class ConfusionOptions {
    private ConfusionOptions() {
    }

    static void validate(Float threshold, Integer topK, Integer classId) {
        if (threshold != null && !(threshold >= 0f && threshold <= 1f)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        if (topK != null && topK <= 0) {
            throw new IllegalArgumentException("topK must be > 0, got " + topK);
        }
        if (classId != null && classId < 0) {
            throw new IllegalArgumentException("classId must be >= 0, got " + classId);
        }
    }

    /** Keras: the threshold given, else 0.5, else -1e10 when top_k is set (so every kept score counts). */
    static float effectiveThreshold(Float threshold, Integer topK) {
        if (threshold != null) {
            return threshold;
        }
        return topK == null ? 0.5f : ThresholdCounts.NEG_INF;
    }

    /** The {@code thresholds} config entry: null when not given, as Keras stores {@code init_thresholds}. */
    static Object kerasThreshold(Float threshold) {
        return threshold == null ? null : (double) threshold;
    }
}
