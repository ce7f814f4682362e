package dev.jnn.optimizers;

import java.util.Map;

/**
 * The hyperparameters shared by the Adam family ({@link Adam}, {@link AdamW}, {@link Adamax},
 * {@link Nadam}): decay rates {@code β1, β2} in [0, 1] and {@code ε >= 0}, validated once and written
 * to the config as Keras's {@code beta_1, beta_2, epsilon}. Subclasses hold the algorithm.
 */
abstract class AdaptiveMomentOptimizer extends Optimizer {
    // Package-private so that the algorithms read them as plain fields in their update loops.
    final double beta1;
    final double beta2;
    final double epsilon;

    AdaptiveMomentOptimizer(OptimizerOptions options, double beta1, double beta2, double epsilon) {
        super(options);
        this.beta1 = Arguments.inRange("beta1", beta1, 0, 1);
        this.beta2 = Arguments.inRange("beta2", beta2, 0, 1);
        this.epsilon = Arguments.nonNegative("epsilon", epsilon);
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

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
        config.put("epsilon", epsilon);
    }
}
