package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Adadelta}: steps scaled by the ratio of moving RMS of past updates to past gradients.
 *
 * <pre>
 * G = ρ * G + (1 - ρ) * g²
 * Δ = -sqrt(D + ε) * g / sqrt(G + ε)
 * D = ρ * D + (1 - ρ) * Δ²
 * w = w + lr * Δ
 * </pre>
 * Slots: {@code accumulated_grad, accumulated_delta_var} per parameter.
 *
 * <pre>{@code
 * Optimizer adadelta = new Adadelta(1.0f);   // the original paper's rate; Keras's default is 0.001
 * }</pre>
 */
public final class Adadelta extends Optimizer {
    private final double rho;
    private final double epsilon;
    private float[][] accumulatedGrads;
    private float[][] accumulatedDeltas;

    /** Keras's defaults: lr 0.001, ρ 0.95, ε 1e-7. */
    public Adadelta() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Adadelta(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Adadelta(Builder builder) {
        super(builder.options());
        this.rho = Arguments.inRange("rho", builder.rho, 0, 1);
        this.epsilon = Arguments.nonNegative("epsilon", builder.epsilon);
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        float[][][] slots = addSlots(parameters, 0f, "accumulated_grad", "accumulated_delta_var");
        accumulatedGrads = slots[0];
        accumulatedDeltas = slots[1];
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        float[] grads = accumulatedGrads[index];
        float[] deltas = accumulatedDeltas[index];
        float r = (float) rho;
        float oneMinusRho = (float) (1 - rho);
        float eps = (float) epsilon;
        for (int i = 0; i < w.length; i++) {
            grads[i] = r * grads[i] + oneMinusRho * (g[i] * g[i]);
            float delta = -((float) Math.sqrt(deltas[i] + eps) * g[i] / (float) Math.sqrt(grads[i] + eps));
            deltas[i] = r * deltas[i] + oneMinusRho * (delta * delta);
            w[i] += lr * delta;
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("epsilon", epsilon);
    }

    /** Builder for {@link Adadelta}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double rho = 0.95;
        private double epsilon = 1e-7;

        private Builder() {
            super("adadelta", 0.001f);
        }

        /** Decay rate {@code ρ} of both moving averages, in [0, 1]. */
        public Builder rho(double rho) {
            this.rho = rho;
            return this;
        }

        /** Small constant {@code ε}; it also sets the size of the first steps. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adadelta build() {
            return new Adadelta(this);
        }
    }
}
