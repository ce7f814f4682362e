package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.RandomStream;
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
    private final List<Node> inboundNodes = new ArrayList<>();
    private String name;
    private List<Shape> inputShapes;
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

    /**
     * The per-sample output shapes for a list of per-sample input shapes. A plain layer takes exactly
     * one input and gives one output; layers with several inputs (merges, attention) or several outputs
     * (a recurrent layer's {@code return_state}) override this.
     */
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        requireSingleInput(inputShapes.size());
        return List.of(outputShape(inputShapes.get(0)));
    }

    /** Creates the weights for a per-sample input shape; called once, before the first forward. */
    protected void build(Shape inputShape) {
    }

    /** Creates the weights for a list of per-sample input shapes; multi-input layers override this. */
    protected void build(List<Shape> inputShapes) {
        build(inputShapes.get(0));
    }

    /** The layer's computation on a batch; {@code training} switches dropout-like behaviour. */
    protected abstract Tensor forward(Tensor input, boolean training);

    /**
     * The computation on a list of batches; by default the single-input {@link #forward(Tensor, boolean)}.
     * Multi-input or multi-output layers override this (and make the single-input form return their
     * first output or refuse).
     */
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        requireSingleInput(inputs.size());
        return List.of(forward(inputs.get(0), training));
    }

    /** Keras's {@code supports_masking}: whether an input mask passes through to the output unchanged. */
    protected boolean supportsMasking() {
        return false;
    }

    /**
     * Keras's {@code compute_mask}: the output's mask given the input and its mask (null when none). By
     * default the mask passes through layers that support masking and stops at the others.
     */
    protected Tensor computeMask(Tensor input, Tensor inputMask) {
        return supportsMasking() ? inputMask : null;
    }

    /**
     * Sets the masks of a list call's outputs; for one input and one output this is
     * {@link #computeMask}, otherwise no mask. Layers with several outputs override it.
     */
    protected void setOutputMasks(List<Tensor> inputs, List<Tensor> outputs) {
        if (inputs.size() == 1 && outputs.size() == 1) {
            Tensor in = inputs.get(0);
            outputs.get(0).setMask(computeMask(in, in.mask()));
        } else {
            for (int i = 0; i < outputs.size(); i++) {
                outputs.get(i).setMask(null);
            }
        }
    }

    /** The number of inputs this layer takes in {@link #call(List, boolean)}; -1 for "two or more". */
    public int inputCount() {
        return 1;
    }

    private void requireSingleInput(int given) {
        if (given != 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects 1 input, but it received "
                    + given + " input tensors");
        }
    }

    /**
     * Builds the layer on first use, checks the input's per-sample shape, then runs {@link #forward}.
     */
    public final Tensor call(Tensor input, boolean training) {
        if (inputCount() != 1) {
            outputShape(input.shape().withoutBatch()); // a layer with a more precise message throws it here
            throw new IllegalArgumentException("Layer \"" + name() + "\" should be called on a list of "
                    + (inputCount() < 0 ? "two or more" : String.valueOf(inputCount())) + " inputs, got a single tensor "
                    + input.shape().withoutBatch().toKerasString());
        }
        if (!built) {
            build(input.shape().withoutBatch(), false);
        } else if (inputShapes.size() != 1 || !input.shape().isBatchOf(inputShapes.get(0))) {
            Shape sample = input.shape().withoutBatch();
            outputShape(sample); // a layer with a more precise message throws it here
            throw incompatible(0, sample);
        }
        Tensor out = forward(input, training);
        out.setMask(computeMask(input, input.mask()));
        return out;
    }

    /**
     * Calls the layer on a list of batches (Keras's {@code layer([a, b])}): builds on first use, checks
     * every input's per-sample shape, runs {@link #forward(List, boolean)} and sets the output masks.
     */
    public final List<Tensor> call(List<Tensor> inputs, boolean training) {
        if (!built) {
            List<Shape> shapes = new ArrayList<>(inputs.size());
            for (Tensor t : inputs) {
                shapes.add(t.shape().withoutBatch());
            }
            build(shapes, false);
        } else {
            if (inputs.size() != inputShapes.size()) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + inputShapes.size()
                        + " input(s), but it received " + inputs.size() + " input tensors");
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (!inputs.get(i).shape().isBatchOf(inputShapes.get(i))) {
                    throw incompatible(i, inputs.get(i).shape().withoutBatch());
                }
            }
        }
        List<Tensor> outputs = forward(inputs, training);
        setOutputMasks(inputs, outputs);
        return outputs;
    }

    private IllegalArgumentException incompatible(int index, Shape sample) {
        return new IllegalArgumentException("Input " + index + " of layer \"" + name()
                + "\" is incompatible with the layer: expected shape " + inputShapes.get(index).toKerasString()
                + ", but received input with shape " + sample.toKerasString());
    }

    /**
     * Creates the layer's weights for {@code inputShape} (per sample) if not done yet; models call it
     * as soon as the input shape is known, so that {@code summary()} works before training.
     */
    public final void build(Shape inputShape, boolean force) {
        build(List.of(inputShape), force);
    }

    /** Creates the layer's weights for a list of per-sample input shapes if not done yet. */
    public final void build(List<Shape> shapes, boolean force) {
        if (built && !force) {
            return;
        }
        outputShapes(shapes); // validates, with the layer's own message
        this.inputShapes = List.copyOf(shapes);
        parameters.clear();
        regularizers.clear();
        build(inputShapes);
        built = true;
    }

    /** Whether the weights exist. */
    public final boolean built() {
        return built;
    }

    /** The per-sample input shape this layer was built for (the first, for multi-input layers), or null. */
    public final Shape inputShape() {
        return inputShapes == null ? null : inputShapes.get(0);
    }

    /** The per-sample input shapes this layer was built for, or null before building. */
    public final List<Shape> inputShapes() {
        return inputShapes;
    }

    /**
     * Keras's {@code layer(x)} on symbolic tensors, for the functional API: builds the layer for their
     * shapes (or checks them against the built ones) and records the call. For a layer with several
     * outputs use {@link #applyAll}.
     */
    public final SymbolicTensor apply(SymbolicTensor... inputs) {
        List<SymbolicTensor> outputs = applyAll(List.of(inputs));
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" returns " + outputs.size()
                    + " outputs; use applyAll(...) to get all of them");
        }
        return outputs.get(0);
    }

    /** {@link #apply} for layers with several outputs (e.g. a recurrent layer with {@code return_state}). */
    public final List<SymbolicTensor> applyAll(SymbolicTensor... inputs) {
        return applyAll(List.of(inputs));
    }

    /** {@link #apply} on a list of inputs, returning every output. */
    public final List<SymbolicTensor> applyAll(List<SymbolicTensor> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" must be called on at least one tensor");
        }
        List<Shape> shapes = new ArrayList<>(inputs.size());
        for (SymbolicTensor t : inputs) {
            shapes.add(t.shape());
        }
        if (!built) {
            build(shapes, false);
        } else {
            if (shapes.size() != inputShapes.size()) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + inputShapes.size()
                        + " input(s), but it received " + shapes.size() + " input tensors");
            }
            for (int i = 0; i < shapes.size(); i++) {
                if (!shapes.get(i).equals(inputShapes.get(i))) {
                    outputShapes(shapes); // a layer with a more precise message throws it here
                    throw incompatible(i, shapes.get(i));
                }
            }
        }
        return addNode(inputs, outputShapes(shapes)).outputs();
    }

    /** Records a call of this layer in the functional graph. */
    final Node addNode(List<SymbolicTensor> inputs, List<Shape> outputShapes) {
        Node node = new Node(this, inputs, outputShapes, inboundNodes.size());
        inboundNodes.add(node);
        return node;
    }

    /** The symbolic calls of this layer, in order (Keras's {@code _inbound_nodes}). */
    public final List<Node> inboundNodes() {
        return Collections.unmodifiableList(inboundNodes);
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
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /**
     * The random streams this layer draws from while training (its Dropout masks, its noise), in a
     * fixed order; none by default. Their states are saved with the weights by BackupAndRestore, so
     * a resumed run draws what the interrupted one would have. A layer that wraps others lists theirs.
     */
    public List<RandomStream> randomStreams() {
        return List.of();
    }

    /** Number of scalar weights. */
    public int countParams() {
        int n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /** The sum of this layer's weight penalties (Keras's {@code layer.losses}). */
    public float regularizationLoss() {
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
    public void addRegularizationGradients() {
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
