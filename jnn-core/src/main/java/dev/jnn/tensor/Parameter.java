package dev.jnn.tensor;

/**
 * A trainable (or frozen) weight of a layer: a named tensor that keeps its gradient.
 *
 * <p>Optimizers change {@link #value()} in place from {@link #grad()}; the training step clears
 * gradients before each backward pass.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final boolean trainable;

    /** A parameter called {@code name} (Keras style, e.g. {@code "kernel"}) holding {@code value}. */
    public Parameter(String name, Tensor value, boolean trainable) {
        this.name = name;
        this.value = value;
        this.trainable = trainable;
        if (trainable) {
            value.markRequiresGrad();
        }
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Shape shape() {
        return value.shape();
    }

    /** The gradient accumulated by the last backward pass (same layout as the value). */
    public float[] grad() {
        return value.grad();
    }

    public boolean trainable() {
        return trainable;
    }

    /** Number of scalar weights. */
    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return "Parameter(" + name + ", " + value.shape() + ")";
    }
}
