package dev.jnn.optimizers;

/**
 * Keras's {@code AdamW}: {@link Adam} with decoupled weight decay switched on (default 0.004). Before
 * each Adam step every parameter not excluded is shrunk: {@code w = w - w * weightDecay * lr}.
 *
 * <p>Slots, as for Adam: {@code momentum, velocity} per parameter, then {@code velocity_hat} when
 * {@code amsgrad}.
 *
 * <pre>{@code
 * Optimizer adamw = new AdamW();                                           // lr 0.001, weight decay 0.004
 * Optimizer custom = AdamW.builder().learningRate(3e-4f).weightDecay(0.01f).build();
 * custom.excludeFromWeightDecayByName("bias");
 * }</pre>
 */
public final class AdamW extends AdamAlgorithm {
    /** Keras's defaults: lr 0.001, weight decay 0.004, β1 0.9, β2 0.999, ε 1e-7. */
    public AdamW() {
        this(builder());
    }

    /** Keras's defaults with the given learning rate. */
    public AdamW(float learningRate) {
        this(builder().learningRate(learningRate));
    }

    private AdamW(Builder builder) {
        super(checkWeightDecay(builder.options()), builder.beta1, builder.beta2, builder.epsilon,
                builder.amsgrad);
    }

    private static OptimizerOptions checkWeightDecay(OptimizerOptions options) {
        if (options.weightDecay() == null) {
            throw new IllegalArgumentException("weightDecay must be a number for AdamW, got null");
        }
        return options;
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link AdamW}; defaults are Keras's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-7;
        private boolean amsgrad = false;

        private Builder() {
            super("adam_w", 0.001f);
            weightDecay(0.004f);
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

        /** Whether to use the AMSGrad variant. */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public AdamW build() {
            return new AdamW(this);
        }
    }
}
