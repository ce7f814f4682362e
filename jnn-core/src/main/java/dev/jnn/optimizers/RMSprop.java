package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code RMSprop}: divides the gradient by a moving root mean square of past gradients.
 *
 * <pre>
 * v = ρ * v + (1 - ρ) * g²
 * centered:   a = ρ * a + (1 - ρ) * g;   d = v - a² + ε     otherwise  d = v + ε
 * Δ = lr * g / sqrt(d)
 * momentum μ > 0:  m = μ * m + Δ;  w = w - m               otherwise  w = w - Δ
 * </pre>
 * Slots, each for all parameters in turn: {@code velocity}, then {@code momentum} (if μ > 0), then
 * {@code average_gradient} (if centered).
 *
 * <pre>{@code
 * Optimizer rms = new RMSprop();   // Keras's compile() default
 * Optimizer centered = RMSprop.builder().learningRate(0.01f).centered(true).momentum(0.5f).build();
 * }</pre>
 */
public final class RMSprop extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;
    private float[][] velocities;
    private float[][] momentums;
    private float[][] averageGradients;

    /** Keras's defaults: lr 0.001, rho 0.9, no momentum, epsilon 1e-7, not centered. */
    public RMSprop() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public RMSprop(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private RMSprop(Builder builder) {
        super(builder.options());
        this.rho = Arguments.inRange("rho", builder.rho, 0, 1);
        this.momentum = Arguments.nonNegative("momentum", builder.momentum);
        this.epsilon = Arguments.nonNegative("epsilon", builder.epsilon);
        this.centered = builder.centered;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public double rho() {
        return rho;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    public boolean centered() {
        return centered;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        // Three separate passes, not interleaved: the order in which Keras creates (and saves) them.
        velocities = addSlots(parameters, 0f, "velocity")[0];
        if (momentum > 0) {
            momentums = addSlots(parameters, 0f, "momentum")[0];
        }
        if (centered) {
            averageGradients = addSlots(parameters, 0f, "average_gradient")[0];
        }
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        float[] v = velocities[index];
        float[] m = momentum > 0 ? momentums[index] : null;
        float[] a = centered ? averageGradients[index] : null;
        float r = (float) rho;
        float oneMinusRho = (float) (1 - rho);
        float mu = (float) momentum;
        float eps = (float) epsilon;
        for (int i = 0; i < w.length; i++) {
            v[i] = r * v[i] + oneMinusRho * (g[i] * g[i]);
            float denominator;
            if (a != null) {
                a[i] = r * a[i] + oneMinusRho * g[i];
                denominator = v[i] - a[i] * a[i] + eps;
            } else {
                denominator = v[i] + eps;
            }
            float increment = lr * g[i] / (float) Math.sqrt(denominator);
            if (m != null) {
                m[i] = mu * m[i] + increment;
                w[i] -= m[i];
            } else {
                w[i] -= increment;
            }
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("centered", centered);
    }

    /** Builder for {@link RMSprop}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double rho = 0.9;
        private double momentum = 0;
        private double epsilon = 1e-7;
        private boolean centered = false;

        private Builder() {
            // Keras derives the name from the class name in snake case, which splits "RMSprop" oddly.
            super("rm_sprop", 0.001f);
        }

        /** Discount factor {@code ρ} of the moving average, in [0, 1]. */
        public Builder rho(double rho) {
            this.rho = rho;
            return this;
        }

        /** Momentum {@code μ >= 0}; 0 disables the momentum slot. */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Small constant {@code ε} added under the square root. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Whether to normalize by the estimated variance instead of the second moment. */
        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public RMSprop build() {
            return new RMSprop(this);
        }
    }
}
