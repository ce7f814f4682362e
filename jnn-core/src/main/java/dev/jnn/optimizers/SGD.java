package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code SGD}: gradient descent with optional (Nesterov) momentum.
 *
 * <pre>
 * momentum = 0:  w = w - lr * g
 * momentum μ:    m = μ * m - lr * g;   w = w + m                (m starts at 0)
 * nesterov:      m = μ * m - lr * g;   w = w + μ * m - lr * g
 * </pre>
 * Slots: {@code momentum} per parameter, only when {@code momentum != 0}.
 *
 * <pre>{@code
 * Optimizer plain = new SGD();                                                  // lr 0.01
 * Optimizer nag = SGD.builder().learningRate(0.1f).momentum(0.9f).nesterov(true).build();
 * }</pre>
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private float[][] momentums;

    /** Keras's defaults: learning rate 0.01, no momentum. */
    public SGD() {
        this(builder());
    }

    /** Plain gradient descent with the given learning rate. */
    public SGD(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private SGD(Builder builder) {
        super(builder.options());
        this.momentum = Arguments.inRange("momentum", builder.momentum, 0, 1);
        this.nesterov = builder.nesterov;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        if (momentum != 0) {
            momentums = addSlots(parameters, 0f, "momentum")[0];
        }
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= g[i] * lr;
            }
            return;
        }
        float[] m = momentums[index];
        float mu = (float) momentum;
        for (int i = 0; i < w.length; i++) {
            m[i] = m[i] * mu - g[i] * lr;
            w[i] += nesterov ? m[i] * mu - g[i] * lr : m[i];
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("momentum", momentum);
        config.put("nesterov", nesterov);
    }

    /** Builder for {@link SGD}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double momentum = 0;
        private boolean nesterov = false;

        private Builder() {
            super("sgd", 0.01f);
        }

        /** Momentum {@code μ} in [0, 1]. */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Whether to apply Nesterov momentum. */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public SGD build() {
            return new SGD(this);
        }
    }
}
