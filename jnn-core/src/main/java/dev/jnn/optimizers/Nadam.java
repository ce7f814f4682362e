package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code Nadam}: Adam with Nesterov momentum and Keras's momentum schedule
 * {@code μ_t = β1 * (1 - 0.5 * 0.96^t)}. With {@code t = iterations + 1}, once per step
 * {@code Π = Π * μ_t} (the {@code u_product}, starting at 1), then for each parameter:
 *
 * <pre>
 * m = m + (g - m) * (1 - β1)
 * v = v + (g² - v) * (1 - β2)
 * m̂ = μ_{t+1} * m / (1 - Π * μ_{t+1}) + (1 - μ_t) * g / (1 - Π)
 * v̂ = v / (1 - β2^t)
 * w = w - lr * m̂ / (sqrt(v̂) + ε)
 * </pre>
 * Variables after {@code iterations, learning_rate}: {@code momentum, velocity} per parameter, then
 * the scalar {@code u_product} (named {@code variable}, as Keras names it).
 *
 * <pre>{@code
 * Optimizer nadam = new Nadam(0.002f);
 * }</pre>
 */
public final class Nadam extends AdaptiveMomentOptimizer {
    private float[][] momentums;
    private float[][] velocities;
    private float[] uProduct;   // one element; a variable so that it is saved and restored with the rest

    /** Keras's defaults: lr 0.001, β1 0.9, β2 0.999, ε 1e-7. */
    public Nadam() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Nadam(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Nadam(Builder builder) {
        super(builder.options(), builder.beta1, builder.beta2, builder.epsilon);
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        float[][][] slots = addSlots(parameters, 0f, "momentum", "velocity");
        momentums = slots[0];
        velocities = slots[1];
        uProduct = addVariable("variable", Tensor.scalar(1f)).data();
    }

    private float momentumAt(long step) {
        return (float) beta1 * (1f - 0.5f * (float) Math.pow(0.96f, step));   // Keras raises float32 0.96
    }

    @Override
    protected void beforeUpdates(float learningRate) {
        float decayPower = (float) Math.pow(0.96f, iterations() + 1);
        uProduct[0] = uProduct[0] * (float) beta1 * (1f - 0.5f * decayPower);   // Keras's order: (Π * β1) * (...)
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        long t = iterations() + 1;
        float uT = momentumAt(t);
        float uNext = momentumAt(t + 1);
        float productT = uProduct[0];
        float productNext = productT * uNext;
        // Unlike Adam, Keras's Nadam casts the betas to float32 before forming 1 - beta.
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float beta2Power = (float) Math.pow(b2, t);
        float oneMinusBeta1 = 1 - b1;
        float oneMinusBeta2 = 1 - b2;
        float eps = (float) epsilon;
        float[] m = momentums[index];
        float[] v = velocities[index];
        for (int i = 0; i < w.length; i++) {
            m[i] += (g[i] - m[i]) * oneMinusBeta1;
            v[i] += (g[i] * g[i] - v[i]) * oneMinusBeta2;
            float mHat = uNext * m[i] / (1 - productNext) + (1 - uT) * g[i] / (1 - productT);
            float vHat = v[i] / (1 - beta2Power);
            w[i] -= mHat * lr / ((float) Math.sqrt(vHat) + eps);
        }
    }

    /** Builder for {@link Nadam}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-7;

        private Builder() {
            super("nadam", 0.001f);
        }

        /** Decay rate {@code β1} of the first moment, in [0, 1]. */
        public Builder beta1(double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Decay rate {@code β2} of the second moment, in [0, 1]. */
        public Builder beta2(double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /** Small constant {@code ε} added to {@code sqrt(v̂)}. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Nadam build() {
            return new Nadam(this);
        }
    }
}
