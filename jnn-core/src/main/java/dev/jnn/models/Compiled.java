package dev.jnn.models;

import dev.jnn.losses.Loss;
import dev.jnn.metrics.Mean;
import dev.jnn.metrics.Metric;
import dev.jnn.metrics.Metrics;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code compile} fixed: the loss, the optimizer and the metrics. Metric names such as
 * "accuracy" depend on the shapes of y and of the output, so they are resolved at the first batch,
 * as Keras does.
 */
final class Compiled {
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<Object> metricSpecs;
    private final Mean lossTracker = new Mean("loss");
    private List<Metric> metrics;

    Compiled(CompileOptions options) {
        this.loss = options.loss();
        this.optimizer = options.optimizer();
        this.metricSpecs = options.metrics();
    }

    Loss loss() {
        return loss;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    Mean lossTracker() {
        return lossTracker;
    }

    /** The metrics, or an empty list before the first batch resolved them. */
    List<Metric> metrics() {
        return metrics == null ? List.of() : metrics;
    }

    /** Resolves metric names against the shapes of y and of the output (batch axis included). */
    List<Metric> metrics(Shape yTrue, Shape yPred) {
        if (metrics == null) {
            List<Metric> resolved = new ArrayList<>();
            for (Object spec : metricSpecs) {
                resolved.add(spec instanceof Metric m ? m : Metrics.get((String) spec, yTrue, yPred));
            }
            metrics = List.copyOf(resolved);
        }
        return metrics;
    }

    boolean metricsResolved() {
        return metrics != null;
    }

    void resetMetrics() {
        lossTracker.reset();
        for (Metric m : metrics()) {
            m.reset();
        }
    }
}
