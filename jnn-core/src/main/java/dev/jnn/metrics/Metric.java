package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * A stateful metric, as in Keras: accumulate with {@link #update}, read with {@link #result},
 * clear with {@link #reset}.
 */
public abstract class Metric {
    private final String name;

    protected Metric(String name) {
        this.name = name;
    }

    /** The log key of this metric, e.g. {@code "accuracy"}. */
    public final String name() {
        return name;
    }

    /** Accumulates a batch; {@code sampleWeight} is one weight per sample, or null. */
    public abstract void update(Tensor yTrue, Tensor yPred, float[] sampleWeight);

    /** The value over everything accumulated since the last reset. */
    public abstract double result();

    /** Forgets everything accumulated. */
    public abstract void reset();

    /** Keras config entries. */
    public Map<String, Object> config() {
        return Map.of();
    }
}
