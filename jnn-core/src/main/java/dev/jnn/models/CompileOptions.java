package dev.jnn.models;

import dev.jnn.losses.Loss;
import dev.jnn.losses.Losses;
import dev.jnn.metrics.Metric;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@link Model#compile(CompileOptions)}: a loss, an optimizer (RMSprop when not
 * given, as in Keras) and metrics, each by Keras name or as an object.
 *
 * <pre>{@code
 * model.compile(CompileOptions.builder().loss("mse").optimizer(new Adam(0.01f)).metrics("accuracy").build());
 * }</pre>
 *
 * @param loss      the loss
 * @param optimizer the optimizer
 * @param metrics   metric names (resolved against the data's shapes at the first batch) or objects
 */
public record CompileOptions(Loss loss, Optimizer optimizer, List<Object> metrics) {
    public CompileOptions {
        if (loss == null) {
            throw new IllegalArgumentException("compile: a loss is required (e.g. \"mse\"), got null");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("compile: optimizer must not be null");
        }
        for (Object m : metrics) {
            if (!(m instanceof String) && !(m instanceof Metric)) {
                throw new IllegalArgumentException("compile: a metric must be a name or a Metric, got " + m);
            }
        }
        metrics = List.copyOf(metrics);
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

        public Builder loss(String name) {
            this.loss = Losses.get(name);
            return this;
        }

        public Builder loss(Loss value) {
            this.loss = value;
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

        public CompileOptions build() {
            return new CompileOptions(loss, optimizer == null ? Optimizers.get("rmsprop") : optimizer, metrics);
        }
    }
}
