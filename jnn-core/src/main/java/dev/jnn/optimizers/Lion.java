package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Lion}: steps of fixed size in the sign of an interpolated momentum.
 *
 * <pre>
 * w = w - lr * sign(β1 * m + (1 - β1) * g)
 * m = β2 * m + (1 - β2) * g
 * </pre>
 * Slots: {@code momentum} per parameter.
 *
 * <pre>{@code
 * Optimizer lion = new Lion(1e-4f);   // Lion wants a rate 3-10x smaller than Adam's
 * }</pre>
 */
public final class Lion extends Optimizer {
    private final double beta1;
    private final double beta2;
    private float[][] momentums;

    /** Keras's defaults: lr 0.001, β1 0.9, β2 0.99. */
    public Lion() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Lion(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Lion(Builder builder) {
        super(builder.options());
        // Keras's range: β1 = 0 would make Lion plain sign-SGD.
        if (!(builder.beta1 > 0 && builder.beta1 <= 1)) {
            throw new IllegalArgumentException("beta1 must be in (0, 1], got " + builder.beta1);
        }
        this.beta1 = builder.beta1;
        this.beta2 = Arguments.inRange("beta2", builder.beta2, 0, 1);
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        momentums = addSlots(parameters, 0f, "momentum")[0];
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        float[] m = momentums[index];
        // Keras casts the betas to float32 first, then forms 1 - beta in float32.
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusBeta1 = 1 - b1;
        float oneMinusBeta2 = 1 - b2;
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * Math.signum(m[i] * b1 + g[i] * oneMinusBeta1);
            m[i] = m[i] * b2 + g[i] * oneMinusBeta2;
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
    }

    /** Builder for {@link Lion}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.99;

        private Builder() {
            super("lion", 0.001f);
        }

        /** Interpolation {@code β1} between momentum and gradient for the step, in (0, 1]. */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Decay rate {@code β2} of the momentum, in [0, 1]. */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Lion build() {
            return new Lion(this);
        }
    }
}
