package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import java.util.List;

/**
 * Keras's {@code Adamax}: Adam with the infinity norm in place of the second moment. With
 * {@code t = iterations + 1}:
 *
 * <pre>
 * m = m + (g - m) * (1 - β1)
 * u = max(β2 * u, |g|)
 * w = w - lr * m / ((1 - β1^t) * (u + ε))
 * </pre>
 * Slots: {@code momentum, norm} per parameter.
 *
 * <pre>{@code
 * Optimizer adamax = new Adamax(0.002f);
 * }</pre>
 */
public final class Adamax extends AdaptiveMomentOptimizer {
    private float[][] momentums;
    private float[][] norms;

    /** Keras's defaults: lr 0.001, β1 0.9, β2 0.999, ε 1e-7. */
    public Adamax() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Adamax(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Adamax(Builder builder) {
        super(builder.options(), builder.beta1, builder.beta2, builder.epsilon);
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        float[][][] slots = addSlots(parameters, 0f, "momentum", "norm");
        momentums = slots[0];
        norms = slots[1];
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        float[] m = momentums[index];
        float[] u = norms[index];
        float correction = 1 - (float) Math.pow((float) beta1, iterations() + 1);
        float oneMinusBeta1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        for (int i = 0; i < w.length; i++) {
            m[i] += (g[i] - m[i]) * oneMinusBeta1;
            u[i] = Math.max(b2 * u[i], Math.abs(g[i]));
            w[i] -= lr * m[i] / (correction * (u[i] + eps));
        }
    }

    /** Builder for {@link Adamax}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-7;

        private Builder() {
            super("adamax", 0.001f);
        }

        /** Decay rate {@code β1} of the first moment, in [0, 1]. */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Decay rate {@code β2} of the infinity norm, in [0, 1]. */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /** Small constant {@code ε} added to the norm. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adamax build() {
            return new Adamax(this);
        }
    }
}
