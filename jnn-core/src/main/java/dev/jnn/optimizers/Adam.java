package dev.jnn.optimizers;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.tensor.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Adam}, in Keras's form (ε added to {@code sqrt(v)}, bias correction folded into the
 * step size). With {@code t = iterations + 1}:
 *
 * <pre>
 * α = lr * sqrt(1 - β2^t) / (1 - β1^t)
 * m = m + (g - m) * (1 - β1)
 * v = v + (g² - v) * (1 - β2)
 * amsgrad:  v̂ = max(v̂, v), used in place of v
 * w = w - α * m / (sqrt(v) + ε)
 * </pre>
 * Slots: {@code momentum, velocity} per parameter, then {@code velocity_hat} for every parameter when
 * {@code amsgrad}.
 *
 * <pre>{@code
 * Optimizer adam = new Adam();                                     // lr 0.001
 * Optimizer ams = Adam.builder().learningRate(1e-3f).beta1(0.9f).amsgrad(true).clipnorm(1f).build();
 * }</pre>
 */
public final class Adam extends Optimizer {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    private float alpha;   // step size of the current iteration, computed once per step
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;
    private float[][] momentums;
    private float[][] velocities;
    private float[][] velocityHats;

    /** Keras's defaults: lr 0.001, β1 0.9, β2 0.999, ε 1e-7, no amsgrad. */
    public Adam() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Adam(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Adam(Builder builder) {
        super(builder.options());
        this.beta1 = Arguments.inRange("beta1", builder.beta1, 0, 1);
        this.beta2 = Arguments.inRange("beta2", builder.beta2, 0, 1);
        this.epsilon = Arguments.nonNegative("epsilon", builder.epsilon);
        this.amsgrad = builder.amsgrad;
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

    public double epsilon() {
        return epsilon;
    }

    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    protected void buildSlots(List<Parameter> parameters) {
        float[][][] slots = addSlots(parameters, 0f, "momentum", "velocity");
        momentums = slots[0];
        velocities = slots[1];
        if (amsgrad) {
            velocityHats = addSlots(parameters, 0f, "velocity_hat")[0];
        }
    }

    @Override
    protected void beforeUpdates(float learningRate) {
        alpha = stepSize(iterations() + 1, learningRate, beta1, beta2);
    }

    @Override
    protected void update(int index, float[] w, float[] g, float lr) {
        step(alpha, beta1, beta2, epsilon, w, g, momentums[index], velocities[index],
                amsgrad ? velocityHats[index] : null);
    }

    /**
     * Keras's bias-corrected step size {@code lr · sqrt(1 - β2^t) / (1 - β1^t)}. Keras raises the
     * float32-cast betas to the power t.
     */
    static float stepSize(long t, float lr, double beta1, double beta2) {
        float beta1Power = (float) Math.pow((float) beta1, t);
        float beta2Power = (float) Math.pow((float) beta2, t);
        return lr * (float) Math.sqrt(1 - beta2Power) / (1 - beta1Power);
    }

    /** One Adam update of {@code w} with step size {@code alpha} (see {@link #stepSize}). */
    static void step(float alpha, double beta1, double beta2, double epsilon,
                     float[] w, float[] g, float[] m, float[] v, float[] vHat) {
        // 1 - beta is formed from the double hyperparameters, as Keras does (1 - 0.999f would be
        // 1.3e-5 off in relative terms).
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        if (vHat == null) {
            // The element-wise kernel does these exact float operations, vectorized.
            ELEMENTWISE.adam(w, g, m, v, 0, w.length, alpha, oneMinusBeta1, oneMinusBeta2, eps);
            return;
        }
        for (int i = 0; i < w.length; i++) {
            m[i] += (g[i] - m[i]) * oneMinusBeta1;
            v[i] += (g[i] * g[i] - v[i]) * oneMinusBeta2;
            float second = v[i];
            if (vHat != null) {
                vHat[i] = Math.max(vHat[i], v[i]);
                second = vHat[i];
            }
            w[i] -= m[i] * alpha / ((float) Math.sqrt(second) + eps);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
        config.put("epsilon", epsilon);
        config.put("amsgrad", amsgrad);
    }

    /** Builder for {@link Adam}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-7;
        private boolean amsgrad = false;

        private Builder() {
            super("adam", 0.001f);
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

        /** Small constant {@code ε} added to {@code sqrt(v)}. */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Whether to use the AMSGrad variant (the running maximum of {@code v}). */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Adam build() {
            return new Adam(this);
        }
    }
}
