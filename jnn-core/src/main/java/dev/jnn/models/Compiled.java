package dev.jnn.models;

import dev.jnn.losses.Loss;
import dev.jnn.metrics.Mean;
import dev.jnn.metrics.Metric;
import dev.jnn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code compile} fixed: the optimizer and, per model output, the loss, loss weight and metrics
 * ({@link OutputHead}). Outputs are known only once the model is, so the heads are bound on first use;
 * metric names such as "accuracy" depend on the shapes of y and of the output, so they are resolved at
 * the first batch, as Keras does.
 */
final class Compiled {
    private final CompileOptions options;
    private final Optimizer optimizer;
    private final Mean lossTracker = new Mean("loss");
    private List<OutputHead> heads;

    Compiled(CompileOptions options) {
        this.options = options;
        this.optimizer = options.optimizer();
    }

    /** The arguments given to compile. */
    CompileOptions options() {
        return options;
    }

    /** Attaches losses, weights and metrics to the model's outputs (once). */
    List<OutputHead> heads(List<String> outputNames) {
        if (heads == null) {
            heads = bind(outputNames);
        }
        return heads;
    }

    private List<OutputHead> bind(List<String> names) {
        int n = names.size();
        Set<String> known = new HashSet<>(names);
        for (int i = 0; i < n; i++) {
            known.add(Integer.toString(i));
        }
        checkKeys("loss", options.outputLosses().keySet(), known, names);
        checkKeys("loss_weights", options.lossWeights().keySet(), known, names);
        checkKeys("metrics", options.outputMetrics().keySet(), known, names);
        if (n > 1 && !options.metrics().isEmpty()) {
            throw new IllegalArgumentException("compile: for a model with several outputs " + names
                    + ", give metrics per output (outputMetrics(output, ...)), got the flat list " + options.metrics());
        }
        List<OutputHead> bound = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            String position = Integer.toString(i);
            Loss loss = pick(options.outputLosses(), name, position, options.loss());
            if (loss == null) {
                throw new IllegalArgumentException("compile: output \"" + name + "\" has no loss; give one loss "
                        + "for all outputs or one per output");
            }
            float weight = pick(options.lossWeights(), name, position, 1f);
            List<Object> metrics = n == 1 && options.outputMetrics().isEmpty()
                    ? options.metrics()
                    : pick(options.outputMetrics(), name, position, List.of());
            bound.add(new OutputHead(name, n > 1, loss, weight, metrics));
        }
        return List.copyOf(bound);
    }

    private static <T> T pick(Map<String, T> byKey, String name, String position, T fallback) {
        T value = byKey.get(name);
        if (value == null) {
            value = byKey.get(position);
        }
        return value != null ? value : fallback;
    }

    private static void checkKeys(String argument, Set<String> keys, Set<String> known, List<String> names) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("compile: " + argument + " names output \"" + key
                        + "\", but the model's outputs are " + names);
            }
        }
    }

    /** The loss of the first output (the loss, for a single-output model), or the shared loss. */
    Loss loss() {
        if (heads != null) {
            return heads.get(0).loss();
        }
        return options.loss() != null ? options.loss() : options.outputLosses().values().iterator().next();
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The tracker of the total loss (weighted sum over outputs plus weight penalties). */
    Mean lossTracker() {
        return lossTracker;
    }

    /** Every output's metrics in output order, or an empty list before they are resolved. */
    List<Metric> metrics() {
        if (heads == null) {
            return List.of();
        }
        if (heads.size() == 1) {
            return heads.get(0).metrics();
        }
        List<Metric> all = new ArrayList<>();
        for (OutputHead h : heads) {
            all.addAll(h.metrics());
        }
        return all;
    }

    void resetMetrics() {
        lossTracker.reset();
        if (heads != null) {
            for (OutputHead h : heads) {
                h.reset();
            }
        }
    }

    /** The running loss and metrics: total loss, then per output its loss (when several) and metrics. */
    Map<String, Double> results() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossTracker.result());
        if (heads != null) {
            for (OutputHead h : heads) {
                h.putResults(logs, heads.size() > 1);
            }
        }
        return logs;
    }
}
