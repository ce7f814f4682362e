package dev.jnn.optimizers;

import java.util.Map;

/** A learning rate as a function of the optimizer's step count, as Keras's schedules. */
public interface LearningRateSchedule {
    /** The learning rate at step {@code step} (0-based: the number of updates done so far). */
    float learningRate(long step);

    /** The Keras class name, e.g. {@code "ExponentialDecay"}. */
    String name();

    /** Keras config entries. */
    default Map<String, Object> config() {
        return Map.of();
    }
}
