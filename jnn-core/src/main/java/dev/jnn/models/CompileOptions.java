package dev.jnn.models;

import dev.jnn.losses.Loss;
import dev.jnn.losses.Losses;
import dev.jnn.metrics.Metric;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@link Model#compile(CompileOptions)}: a loss, an optimizer (RMSprop when not
 * given, as in Keras) and metrics, each by Keras name or as an object. A model with several outputs
 * takes one loss for all of them or one per output (by position or by output name), optional loss
 * weights, and metrics per output, as Keras's {@code loss=[...]/{...}}, {@code loss_weights} and
 * {@code metrics=[[...], [...]]/{...}}.
 *
 * <pre>{@code
 * model.compile(CompileOptions.builder().loss("mse").optimizer(new Adam(0.01f)).metrics("accuracy").build());
 * model.compile(CompileOptions.builder()
 *         .outputLoss("digit", "sparse_categorical_crossentropy").outputLoss("odd", "binary_crossentropy")
 *         .lossWeight("odd", 0.5f).outputMetrics("digit", "accuracy").optimizer("adam").build());
 * }</pre>
 *
 * @param loss          the loss of every output without a loss of its own; may be null when each
 *                      output has one
 * @param optimizer     the optimizer
 * @param metrics       metrics of a single-output model: names (resolved against the data's shapes
 *                      at the first batch) or objects
 * @param outputLosses  losses by output name or by position ({@code "0"}, {@code "1"}, ...)
 * @param lossWeights   loss weights by output name or position (1 when absent)
 * @param outputMetrics metrics by output name or position
 */
public record CompileOptions(Loss loss, Optimizer optimizer, List<Object> metrics, Map<String, Loss> outputLosses,
                             Map<String, Float> lossWeights, Map<String, List<Object>> outputMetrics) {
    public CompileOptions {
        if (loss == null && (outputLosses == null || outputLosses.isEmpty())) {
            throw new IllegalArgumentException("compile: a loss is required (e.g. \"mse\"), got null");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("compile: optimizer must not be null");
        }
        metrics = List.copyOf(checkMetrics(metrics));
        outputLosses = outputLosses == null ? Map.of() : Map.copyOf(outputLosses);
        lossWeights = lossWeights == null ? Map.of() : Map.copyOf(lossWeights);
        for (Map.Entry<String, Float> w : lossWeights.entrySet()) {
            if (!Float.isFinite(w.getValue())) {
                throw new IllegalArgumentException("compile: loss weight of output \"" + w.getKey()
                        + "\" must be finite, got " + w.getValue());
            }
        }
        Map<String, List<Object>> copied = new LinkedHashMap<>();
        if (outputMetrics != null) {
            outputMetrics.forEach((k, v) -> copied.put(k, List.copyOf(checkMetrics(v))));
        }
        outputMetrics = Map.copyOf(copied);
    }

    /** The single-output form: one loss, an optimizer, metrics. */
    public CompileOptions(Loss loss, Optimizer optimizer, List<Object> metrics) {
        this(loss, optimizer, metrics, Map.of(), Map.of(), Map.of());
    }

    private static List<Object> checkMetrics(List<Object> metrics) {
        for (Object m : metrics) {
            if (!(m instanceof String) && !(m instanceof Metric)) {
                throw new IllegalArgumentException("compile: a metric must be a name or a Metric, got " + m);
            }
        }
        return metrics;
    }

    /** A builder with Keras's defaults (optimizer "rmsprop", no metrics). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CompileOptions}. */
    public static final class Builder {
        private Loss loss;
        private Optimizer optimizer;
        private final List<Object> metrics = new ArrayList<>();
        private final Map<String, Loss> outputLosses = new LinkedHashMap<>();
        private final Map<String, Float> lossWeights = new LinkedHashMap<>();
        private final Map<String, List<Object>> outputMetrics = new LinkedHashMap<>();

        public Builder loss(String name) {
            this.loss = Losses.get(name);
            return this;
        }

        public Builder loss(Loss value) {
            this.loss = value;
            return this;
        }

        /** The loss of one output, by its name (the output layer's name) or position ("0", "1", ...). */
        public Builder outputLoss(String output, String lossName) {
            outputLosses.put(output, Losses.get(lossName));
            return this;
        }

        /** The loss of one output, as an object. */
        public Builder outputLoss(String output, Loss value) {
            outputLosses.put(output, value);
            return this;
        }

        /** One loss per output, in output order (Keras's {@code loss=[...]}). */
        public Builder losses(String... lossNames) {
            for (int i = 0; i < lossNames.length; i++) {
                outputLosses.put(Integer.toString(i), Losses.get(lossNames[i]));
            }
            return this;
        }

        /** The weight of one output's loss in the total (Keras's {@code loss_weights}). */
        public Builder lossWeight(String output, float weight) {
            lossWeights.put(output, weight);
            return this;
        }

        /** One loss weight per output, in output order. */
        public Builder lossWeights(float... weights) {
            for (int i = 0; i < weights.length; i++) {
                lossWeights.put(Integer.toString(i), weights[i]);
            }
            return this;
        }

        public Builder optimizer(String name) {
            this.optimizer = Optimizers.get(name);
            return this;
        }

        public Builder optimizer(Optimizer value) {
            this.optimizer = value;
            return this;
        }

        /** Adds metrics by Keras name ({@code "accuracy"}, {@code "mae"}, ...). */
        public Builder metrics(String... names) {
            metrics.addAll(List.of(names));
            return this;
        }

        /** Adds metric objects. */
        public Builder metrics(Metric... values) {
            metrics.addAll(List.of(values));
            return this;
        }

        /** Metrics of one output, by its name or position (Keras's {@code metrics={"out": [...]}}). */
        public Builder outputMetrics(String output, String... names) {
            outputMetrics.computeIfAbsent(output, k -> new ArrayList<>()).addAll(List.of(names));
            return this;
        }

        /** Metric objects of one output. */
        public Builder outputMetrics(String output, Metric... values) {
            outputMetrics.computeIfAbsent(output, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        public CompileOptions build() {
            return new CompileOptions(loss, optimizer == null ? Optimizers.get("rmsprop") : optimizer, metrics,
                    outputLosses, lossWeights, outputMetrics);
        }
    }
}
