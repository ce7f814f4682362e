package dev.jnn.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code InverseTimeDecay}:
 * {@code lr(step) = initialLearningRate / (1 + decayRate * step / decaySteps)}, with
 * {@code step / decaySteps} floored when {@code staircase} is set.
 *
 * <pre>{@code
 * var schedule = new InverseTimeDecay(0.1f, 10, 0.5f);   // 0.1, 0.0952, 0.0909, ...
 * Optimizer sgd = SGD.builder().learningRate(schedule).build();
 * }</pre>
 */
public record InverseTimeDecay(float initialLearningRate, long decaySteps, float decayRate, boolean staircase)
        implements LearningRateSchedule {
    public InverseTimeDecay {
        Arguments.nonNegative("initialLearningRate", initialLearningRate);
        Arguments.positive("decaySteps", decaySteps);
        Arguments.nonNegative("decayRate", decayRate);
    }

    /** Smooth decay ({@code staircase = false}, Keras's default). */
    public InverseTimeDecay(float initialLearningRate, long decaySteps, float decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    public float learningRate(long step) {
        double p = (double) step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return (float) (initialLearningRate / (1 + decayRate * p));
    }

    @Override
    public String name() {
        return "InverseTimeDecay";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("initial_learning_rate", initialLearningRate);
        config.put("decay_steps", decaySteps);
        config.put("decay_rate", decayRate);
        config.put("staircase", staircase);
        config.put("name", "InverseTimeDecay");
        return config;
    }
}
