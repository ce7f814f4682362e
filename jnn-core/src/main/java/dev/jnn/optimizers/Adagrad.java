package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Adagrad}: per-weight rates that shrink with the sum of past squared gradients.
 *
 * <pre>
 * a = a + g²                    (a starts at initialAccumulatorValue)
 * w = w - lr * g / sqrt(a + ε)
 * </pre>
 * Slots: {@code accumulator} per parameter.
 *
 * <pre>{@code
 * Optimizer adagrad = new Adagrad(0.01f);
 * Optimizer custom = Adagrad.builder().initialAccumulatorValue(0.5f).build();
 * }</pre>
 */
public final class Adagrad extends Optimizer {
    private final double initialAccumulatorValue;
    private final double epsilon;
    private float[][] accumulators;

    /** Keras's defaults: lr 0.001, initial accumulator 0.1, ε 1e-7. */
    public Adagrad() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Adagrad(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Adagrad(Builder builder) {
        super(builder.options());
        this.initialAccumulatorValue = Arguments.nonNegative("initialAccumulatorValue", builder.initialAccumulatorValue);
        this.epsilon = Arguments.nonNegative("epsilon", builder.epsilon);
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        accumulators = addSlots(parameters, (float) initialAccumulatorValue, "accumulator")[0];
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        float[] a = accumulators[index];
        float eps = (float) epsilon;
        for (int i = 0; i < w.length; i++) {
            a[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(a[i] + eps);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("initial_accumulator_value", initialAccumulatorValue);
        config.put("epsilon", epsilon);
    }

    /** Builder for {@link Adagrad}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double initialAccumulatorValue = 0.1;
        private double epsilon = 1e-7;

        private Builder() {
            super("adagrad", 0.001f);
        }

        /** Starting value of the squared-gradient sums, {@code >= 0}. */
        public Builder initialAccumulatorValue(double value) {
            this.initialAccumulatorValue = value;
            return this;
        }

        /** Small constant {@code ε} added under the square root. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adagrad build() {
            return new Adagrad(this);
        }
    }
}
