package dev.jnn.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code ExponentialDecay}: {@code lr(step) = initialLearningRate * decayRate^(step / decaySteps)},
 * with the exponent floored when {@code staircase} is set (the rate then drops once every
 * {@code decaySteps} steps).
 *
 * <pre>{@code
 * var schedule = new ExponentialDecay(0.1f, 1000, 0.96f);   // 0.1 * 0.96^(step/1000)
 * Optimizer sgd = SGD.builder().learningRate(schedule).build();
 * }</pre>
 */
public record ExponentialDecay(float initialLearningRate, long decaySteps, float decayRate, boolean staircase)
        implements LearningRateSchedule {
    public ExponentialDecay {
        Arguments.nonNegative("initialLearningRate", initialLearningRate);
        Arguments.positive("decaySteps", decaySteps);
        Arguments.nonNegative("decayRate", decayRate);
    }

    /** Smooth decay ({@code staircase = false}, Keras's default). */
    public ExponentialDecay(float initialLearningRate, long decaySteps, float decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    public float learningRate(long step) {
        double p = (double) step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return (float) (initialLearningRate * Math.pow(decayRate, p));
    }

    @Override
    public String name() {
        return "ExponentialDecay";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("initial_learning_rate", initialLearningRate);
        config.put("decay_steps", decaySteps);
        config.put("decay_rate", decayRate);
        config.put("staircase", staircase);
        config.put("name", "ExponentialDecay");
        return config;
    }
}
