package dev.jnn.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code PolynomialDecay}:
 * {@code lr(step) = (initial - end) * (1 - s / d)^power + end}. Without {@code cycle}, {@code s =
 * min(step, decaySteps)} and {@code d = decaySteps}, so the rate stays at {@code end} afterwards;
 * with {@code cycle}, {@code s = step} and {@code d = decaySteps * ceil(step / decaySteps)} (1 at step 0),
 * so the decay restarts from a lower height each period.
 *
 * <pre>{@code
 * var schedule = new PolynomialDecay(0.1f, 10000);   // linear from 0.1 to 0.0001 over 10000 steps
 * }</pre>
 */
public record PolynomialDecay(float initialLearningRate, long decaySteps, float endLearningRate, float power,
                              boolean cycle) implements LearningRateSchedule {
    public PolynomialDecay {
        Arguments.nonNegative("initialLearningRate", initialLearningRate);
        Arguments.positive("decaySteps", decaySteps);
        Arguments.nonNegative("endLearningRate", endLearningRate);
        Arguments.nonNegative("power", power);
    }

    /** Keras's defaults: {@code end_learning_rate = 0.0001, power = 1.0, cycle = false}. */
    public PolynomialDecay(float initialLearningRate, long decaySteps) {
        this(initialLearningRate, decaySteps, 0.0001f, 1.0f, false);
    }

    @Override
    public float learningRate(long step) {
        double s = step;
        double d = decaySteps;
        if (cycle) {
            d *= step == 0 ? 1 : Math.ceil(s / decaySteps);
        } else {
            s = Math.min(s, d);
        }
        return (float) ((initialLearningRate - endLearningRate) * Math.pow(1 - s / d, power) + endLearningRate);
    }

    @Override
    public String name() {
        return "PolynomialDecay";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("initial_learning_rate", initialLearningRate);
        config.put("decay_steps", decaySteps);
        config.put("end_learning_rate", endLearningRate);
        config.put("power", power);
        config.put("cycle", cycle);
        config.put("name", "PolynomialDecay");
        return config;
    }
}
