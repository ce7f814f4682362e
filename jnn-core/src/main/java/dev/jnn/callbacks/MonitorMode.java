package dev.jnn.callbacks;

import java.util.Set;

/**
 * Whether a monitored quantity should go down ({@link #MIN}) or up ({@link #MAX}); {@link #AUTO}
 * infers it from the name, as Keras's {@code MonitorCallback} does.
 *
 * <p>AUTO strips a {@code val_} prefix, then: {@code loss} is minimized; a name of a Keras metric
 * whose direction is "up" ({@code accuracy}, {@code auc}, {@code precision}, {@code recall},
 * {@code r2_score}, ...) is maximized; one whose direction is "down" ({@code mse}, {@code mae},
 * {@code binary_crossentropy}, {@code hinge}, ...) is minimized; any other name is an error.
 *
 * <pre>{@code
 * MonitorMode.AUTO.resolve("val_accuracy");   // MAX
 * MonitorMode.AUTO.resolve("loss");           // MIN
 * }</pre>
 */
public enum MonitorMode {
    /** Infer the direction from the monitored name. */
    AUTO,
    /** Lower is better. */
    MIN,
    /** Higher is better. */
    MAX;

    // Default names of Keras metrics with _direction = "up" (keras/src/metrics/*), plus the
    // string aliases accepted by compile(metrics=[...]).
    private static final Set<String> UP = Set.of(
            "accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
            "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy", "auc", "precision",
            "recall", "precision_at_recall", "recall_at_precision", "sensitivity_at_specificity",
            "specificity_at_sensitivity", "f1_score", "fbeta_score", "cosine_similarity", "r2_score",
            "pearson_correlation", "concordance_correlation", "iou", "mean_iou", "binary_iou",
            "one_hot_iou", "one_hot_mean_iou");

    // Default names and aliases of Keras metrics with _direction = "down", including those that
    // wrap a loss function (MeanMetricWrapper marks those "down").
    private static final Set<String> DOWN = Set.of(
            "loss", "mse", "mae", "mape", "msle", "mean_squared_error", "mean_absolute_error",
            "mean_absolute_percentage_error", "mean_squared_logarithmic_error", "root_mean_squared_error",
            "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy",
            "binary_focal_crossentropy", "categorical_focal_crossentropy", "kl_divergence", "kld",
            "poisson", "hinge", "squared_hinge", "categorical_hinge", "logcosh", "log_cosh", "huber",
            "huber_loss");

    /**
     * {@link #MIN} or {@link #MAX} for {@code monitor}.
     *
     * @throws IllegalArgumentException in AUTO mode when the direction of {@code monitor} is unknown
     */
    public MonitorMode resolve(String monitor) {
        if (this != AUTO) {
            return this;
        }
        String metricName = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        if (UP.contains(metricName)) {
            return MAX;
        }
        if (DOWN.contains(metricName)) {
            return MIN;
        }
        throw new IllegalArgumentException("monitor=" + monitor + ": cannot infer whether it should be "
                + "maximized or minimized. Pass MonitorMode.MAX in order to monitor based on the highest "
                + "metric value, or MonitorMode.MIN in order to use the lowest value.");
    }
}
