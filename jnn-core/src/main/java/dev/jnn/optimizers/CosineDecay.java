package dev.jnn.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code CosineDecay}, with optional linear warmup.
 *
 * <p>Without warmup ({@code warmupTarget == null}): with {@code s = min(step, decaySteps)},
 * {@code lr = initial * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decaySteps)) + alpha)}.
 *
 * <p>With warmup: {@code s = min(step, warmupSteps + decaySteps)}; while {@code s < warmupSteps} the
 * rate rises linearly, {@code initial + (warmupTarget - initial) * s / warmupSteps}; afterwards it is
 * the cosine decay above starting from {@code warmupTarget} at {@code s - warmupSteps}.
 *
 * <pre>{@code
 * var schedule = new CosineDecay(0.1f, 1000);                    // 0.1 -> 0 over 1000 steps
 * var warm = new CosineDecay(0f, 1000, 0f, 0.1f, 100);           // 0 -> 0.1 in 100 steps, then decay
 * }</pre>
 *
 * @param warmupTarget the rate reached at the end of warmup, or {@code null} for no warmup
 */
public record CosineDecay(float initialLearningRate, long decaySteps, float alpha, Float warmupTarget,
                          long warmupSteps) implements LearningRateSchedule {
    public CosineDecay {
        Arguments.nonNegative("initialLearningRate", initialLearningRate);
        Arguments.positive("decaySteps", decaySteps);
        Arguments.inRange("alpha", alpha, 0f, 1f);
        Arguments.nonNegativeOrNull("warmupTarget", warmupTarget);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
    }

    /** Decay to 0 without warmup (Keras's defaults {@code alpha = 0, warmup_target = None, warmup_steps = 0}). */
    public CosineDecay(float initialLearningRate, long decaySteps) {
        this(initialLearningRate, decaySteps, 0f, null, 0);
    }

    /** Decay to {@code alpha * initialLearningRate}, without warmup. */
    public CosineDecay(float initialLearningRate, long decaySteps, float alpha) {
        this(initialLearningRate, decaySteps, alpha, null, 0);
    }

    @Override
    public float learningRate(long step) {
        if (warmupTarget == null) {
            return (float) decayed(Math.min(step, decaySteps), initialLearningRate);
        }
        long s = Math.min(step, warmupSteps + decaySteps);
        if (s < warmupSteps) {
            return (float) ((warmupTarget - (double) initialLearningRate) * s / warmupSteps + initialLearningRate);
        }
        return (float) decayed(s - warmupSteps, warmupTarget);
    }

    private double decayed(long step, double from) {
        double cosine = 0.5 * (1 + Math.cos(Math.PI * step / decaySteps));
        return from * ((1 - alpha) * cosine + alpha);
    }

    @Override
    public String name() {
        return "CosineDecay";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("initial_learning_rate", initialLearningRate);
        config.put("decay_steps", decaySteps);
        config.put("alpha", alpha);
        config.put("name", "CosineDecay");
        config.put("warmup_target", warmupTarget);
        config.put("warmup_steps", warmupSteps);
        return config;
    }
}
