package dev.jnn.optimizers;

/**
 * The part of every optimizer builder that sets the common Keras options; each optimizer's
 * {@code Builder} extends it with its own hyperparameters.
 *
 * <pre>{@code
 * Adam adam = Adam.builder().learningRate(1e-3f).amsgrad(true).clipnorm(1f).build();
 * SGD sgd = SGD.builder().learningRate(new ExponentialDecay(0.1f, 1000, 0.96f)).momentum(0.9f).build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by each setter so calls chain
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B>> {
    private String name;
    private float learningRate;
    private LearningRateSchedule learningRateSchedule;
    private Float weightDecay;
    private Float clipnorm;
    private Float clipvalue;
    private Float globalClipnorm;

    /** Starts from the optimizer's Keras defaults. */
    protected OptimizerBuilder(String defaultName, float defaultLearningRate) {
        this.name = defaultName;
        this.learningRate = defaultLearningRate;
    }

    /** The concrete builder ({@code this}). */
    protected abstract B self();

    /** The optimizer's name (Keras {@code name}). */
    public B name(String name) {
        this.name = name;
        return self();
    }

    /** A constant learning rate; replaces a schedule set earlier. */
    public B learningRate(float learningRate) {
        this.learningRate = learningRate;
        this.learningRateSchedule = null;
        return self();
    }

    /** A learning rate that follows {@code schedule}, evaluated at the step count before each update. */
    public B learningRate(LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("learningRate schedule must not be null");
        }
        this.learningRateSchedule = schedule;
        return self();
    }

    /** Decoupled weight decay ({@code w -= w * weightDecay * lr} before each update); {@code null} for none. */
    public B weightDecay(Float weightDecay) {
        this.weightDecay = weightDecay;
        return self();
    }

    /** Per-gradient norm clipping; {@code null} for none. */
    public B clipnorm(Float clipnorm) {
        this.clipnorm = clipnorm;
        return self();
    }

    /** Element-wise gradient clipping to {@code [-clipvalue, clipvalue]}; {@code null} for none. */
    public B clipvalue(Float clipvalue) {
        this.clipvalue = clipvalue;
        return self();
    }

    /** Clipping of the joint norm of all gradients; {@code null} for none. */
    public B globalClipnorm(Float globalClipnorm) {
        this.globalClipnorm = globalClipnorm;
        return self();
    }

    /** The common options set so far, validated. */
    protected OptimizerOptions options() {
        return new OptimizerOptions(name, learningRate, learningRateSchedule, weightDecay, clipnorm, clipvalue,
                globalClipnorm);
    }
}
