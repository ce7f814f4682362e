package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Keras layer: a configuration, weights created lazily by {@link #build} on the first input, and a
 * differentiable {@link #forward}.
 *
 * <p>Shapes given to {@link #build} and {@link #outputShape} are per sample (no batch axis); tensors
 * given to {@link #forward} carry the batch as axis 0. Gradients need no code here: the ops used in
 * {@code forward} record their backward on the active {@link dev.jnn.tensor.GradientTape}.
 */
public abstract class Layer {
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Regularizer> regularizers = new ArrayList<>();
    private String name;
    private Shape inputShape;
    private Shape declaredInputShape;
    private boolean built;

    /** The layer's name; Keras-style automatic ({@code dense_1}) unless set. */
    public final String name() {
        if (name == null) {
            name = LayerNames.next(className());
        }
        return name;
    }

    /** Gives the layer a name of its own (before it is added to a model). */
    public Layer named(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank, got '" + newName + "'");
        }
        this.name = newName;
        return this;
    }

    /**
     * Declares the per-sample input shape on the first layer of a model, as Keras's
     * {@code input_shape=(2,)} argument: {@code new Dense(8, "relu").withInputShape(2)}.
     */
    public Layer withInputShape(int... dims) {
        this.declaredInputShape = Shape.of(dims);
        if (declaredInputShape.rank() == 0) {
            throw new IllegalArgumentException("layer \"" + name() + "\": input shape must have at least one axis");
        }
        return this;
    }

    /** The input shape declared with {@link #withInputShape}, or null. */
    public final Shape declaredInputShape() {
        return declaredInputShape;
    }

    /** The configuration record, enough to rebuild an equal, unbuilt layer. */
    public abstract LayerConfig config();

    /** The output shape for a per-sample input shape; throws when the input does not fit. */
    public abstract Shape outputShape(Shape inputShape);

    /** Creates the weights for a per-sample input shape; called once, before the first forward. */
    protected void build(Shape inputShape) {
    }

    /** The layer's computation on a batch; {@code training} switches dropout-like behaviour. */
    protected abstract Tensor forward(Tensor input, boolean training);

    /**
     * Builds the layer on first use, checks the input's per-sample shape, then runs {@link #forward}.
     */
    public final Tensor call(Tensor input, boolean training) {
        if (!built) {
            build(input.shape().withoutBatch(), false);
        } else if (!input.shape().isBatchOf(inputShape)) {
            Shape sample = input.shape().withoutBatch();
            outputShape(sample); // a layer with a more precise message throws it here
            throw new IllegalArgumentException("Input of layer \"" + name() + "\" is incompatible with the layer: expected shape "
                    + inputShape.toKerasString() + ", but received input with shape " + sample.toKerasString());
        }
        return forward(input, training);
    }

    /**
     * Creates the layer's weights for {@code inputShape} (per sample) if not done yet; models call it
     * as soon as the input shape is known, so that {@code summary()} works before training.
     */
    public final void build(Shape inputShape, boolean force) {
        if (built && !force) {
            return;
        }
        outputShape(inputShape); // validates, with the layer's own message
        this.inputShape = inputShape;
        parameters.clear();
        regularizers.clear();
        build(inputShape);
        built = true;
    }

    /** Whether the weights exist. */
    public final boolean built() {
        return built;
    }

    /** The per-sample input shape this layer was built for, or null before building. */
    public final Shape inputShape() {
        return inputShape;
    }

    /** Creates a weight; to be called from {@link #build}. */
    protected final Parameter addWeight(String weightName, Shape shape, Initializer initializer,
                                        boolean trainable, Regularizer regularizer) {
        Tensor value = Tensor.zeros(shape);
        initializer.initialize(shape, value.data());
        Parameter p = new Parameter(weightName, value, trainable);
        parameters.add(p);
        regularizers.add(regularizer);
        return p;
    }

    /** All weights in creation order (Keras's {@code weights}). */
    public final List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Number of scalar weights. */
    public final int countParams() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** The sum of this layer's weight penalties (Keras's {@code layer.losses}). */
    public final float regularizationLoss() {
        float total = 0f;
        for (int i = 0; i < parameters.size(); i++) {
            Regularizer r = regularizers.get(i);
            if (r != null) {
                total += r.penalty(parameters.get(i).value().data());
            }
        }
        return total;
    }

    /** Adds the gradients of the weight penalties to the weights' gradients. */
    public final void addRegularizationGradients() {
        for (int i = 0; i < parameters.size(); i++) {
            Regularizer r = regularizers.get(i);
            Parameter p = parameters.get(i);
            if (r != null && p.trainable()) {
                r.addGradient(p.value().data(), p.grad());
            }
        }
    }

    /** The Keras class name shown by {@code summary()}. */
    public String className() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name() + " (" + className() + ")";
    }
}
