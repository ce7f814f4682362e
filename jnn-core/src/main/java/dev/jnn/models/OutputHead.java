package dev.jnn.models;

import dev.jnn.losses.Loss;
import dev.jnn.metrics.Mean;
import dev.jnn.metrics.Metric;
import dev.jnn.metrics.Metrics;
import dev.jnn.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What compile attached to one model output: its loss and loss weight, the tracker of its loss and its
 * metrics. With several outputs Keras names their logs {@code <output>_loss} and
 * {@code <output>_<metric>}; a single output keeps the plain names.
 */
final class OutputHead {
    private final String name;
    private final String prefix;
    private final Loss loss;
    private final float weight;
    private final Mean lossTracker;
    private final List<Object> metricSpecs;
    private List<Metric> metrics;
    private float[] lossGradient = new float[0];

    OutputHead(String name, boolean prefixed, Loss loss, float weight, List<Object> metricSpecs) {
        this.name = name;
        this.prefix = prefixed ? name + "_" : "";
        this.loss = loss;
        this.weight = weight;
        this.lossTracker = new Mean(prefix + "loss");
        this.metricSpecs = metricSpecs;
    }

    String name() {
        return name;
    }

    Loss loss() {
        return loss;
    }

    float weight() {
        return weight;
    }

    Mean lossTracker() {
        return lossTracker;
    }

    /** A gradient buffer of {@code size} floats, reused from step to step. */
    float[] lossGradient(int size) {
        if (lossGradient.length != size) {
            lossGradient = new float[size];
        }
        return lossGradient;
    }

    /** The metrics, or an empty list before the first batch resolved them. */
    List<Metric> metrics() {
        return metrics == null ? List.of() : metrics;
    }

    boolean metricsResolved() {
        return metrics != null;
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

    void reset() {
        lossTracker.reset();
        for (Metric m : metrics()) {
            m.reset();
        }
    }

    /** Adds this output's loss (when {@code withLoss}) and metrics to the logs. */
    void putResults(Map<String, Double> logs, boolean withLoss) {
        if (withLoss) {
            logs.put(lossTracker.name(), lossTracker.result());
        }
        for (Metric m : metrics()) {
            logs.put(prefix.isEmpty() ? m.name() : prefix + m.name(), m.result());
        }
    }
}
