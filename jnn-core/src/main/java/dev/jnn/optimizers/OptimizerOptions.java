package dev.jnn.optimizers;

/**
 * The options every Keras optimizer takes: name, learning rate (a constant or a schedule), decoupled
 * weight decay and at most one kind of gradient clipping.
 *
 * <p>{@code null} means "not set", like Keras's {@code None}. A clipping value of 0 is accepted and, as
 * in Keras, clips nothing.
 *
 * <pre>{@code
 * var options = new OptimizerOptions("adam", 1e-3f, null, null, 1f, null, null);   // clipnorm = 1
 * }</pre>
 *
 * @param name                 the optimizer's name, e.g. {@code "adam"}
 * @param learningRate         the constant learning rate, ignored when {@code learningRateSchedule} is set
 * @param learningRateSchedule a schedule evaluated at {@code iterations} each step, or {@code null}
 * @param weightDecay          {@code w -= w * weightDecay * lr} before each update, or {@code null}
 * @param clipnorm             each gradient is rescaled so its L2 norm is at most this, or {@code null}
 * @param clipvalue            each gradient element is clipped to {@code [-clipvalue, clipvalue]}, or {@code null}
 * @param globalClipnorm       all gradients are rescaled so their joint L2 norm is at most this, or {@code null}
 */
public record OptimizerOptions(String name, float learningRate, LearningRateSchedule learningRateSchedule,
                               Float weightDecay, Float clipnorm, Float clipvalue, Float globalClipnorm) {
    public OptimizerOptions {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
        }
        if (learningRateSchedule == null) {
            Arguments.nonNegative("learningRate", learningRate);
        }
        Arguments.nonNegativeOrNull("weightDecay", weightDecay);
        Arguments.nonNegativeOrNull("clipnorm", clipnorm);
        Arguments.nonNegativeOrNull("clipvalue", clipvalue);
        Arguments.nonNegativeOrNull("globalClipnorm", globalClipnorm);
        int clips = (clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0) + (globalClipnorm != null ? 1 : 0);
        if (clips > 1) {
            // Keras refuses this too: the three clippings would compete for the same gradient.
            throw new IllegalArgumentException("only one of clipnorm, clipvalue and globalClipnorm can be set, got clipnorm="
                    + clipnorm + ", clipvalue=" + clipvalue + ", globalClipnorm=" + globalClipnorm);
        }
    }
}
