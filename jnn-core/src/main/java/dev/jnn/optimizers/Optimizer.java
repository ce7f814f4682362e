package dev.jnn.optimizers;

import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A gradient-based optimizer with Keras's shared machinery: learning-rate schedules, gradient
 * clipping ({@code clipnorm}, {@code clipvalue}, {@code global_clipnorm}) and decoupled weight decay.
 *
 * <p>One {@link #applyGradients} call is one Keras {@code apply_gradients}: clip the gradients, apply
 * weight decay, run the algorithm's update for each trainable parameter with the learning rate at the
 * current step, then count the step.
 */
public abstract class Optimizer {
    /** The Keras name, e.g. {@code "adam"}. */
    public abstract String name();

    /** Creates the per-parameter slots (momenta); called once with the trainable parameters. */
    public abstract void build(List<Parameter> parameters);

    /** Whether {@link #build} has run. */
    public abstract boolean built();

    /** Updates every parameter from its gradient ({@link Parameter#grad()}) in place. */
    public abstract void applyGradients(List<Parameter> parameters);

    /** Number of updates done so far (Keras's {@code iterations}). */
    public abstract long iterations();

    /** The learning rate the next update will use. */
    public abstract float currentLearningRate();

    /** Replaces the learning rate by a constant (as callbacks like ReduceLROnPlateau do). */
    public abstract void setLearningRate(float learningRate);

    /**
     * The optimizer's variables in Keras's save order: iterations, learning rate, then the slots of
     * each parameter in model order.
     */
    public abstract List<Tensor> variables();

    /** Keras config entries. */
    public abstract Map<String, Object> config();
}
