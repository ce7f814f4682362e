package dev.jnn.optimizers;

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
public final class Adam extends AdamAlgorithm {
    /** Keras's defaults: lr 0.001, β1 0.9, β2 0.999, ε 1e-7, no amsgrad. */
    public Adam() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public Adam(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private Adam(Builder builder) {
        super(builder.options(), builder.beta1, builder.beta2, builder.epsilon, builder.amsgrad);
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
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
