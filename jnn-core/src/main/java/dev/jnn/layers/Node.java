package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call of a layer on symbolic tensors: the edge of a functional graph from the inputs of the call
 * to its outputs. A layer called twice (a shared layer) has two nodes and one set of weights.
 */
public final class Node {
    private final Layer layer;
    private final List<SymbolicTensor> inputs;
    private final List<SymbolicTensor> outputs;
    private final int indexInLayer;

    Node(Layer layer, List<SymbolicTensor> inputs, List<Shape> outputShapes, int indexInLayer) {
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
        this.indexInLayer = indexInLayer;
        List<SymbolicTensor> outs = new ArrayList<>(outputShapes.size());
        for (int i = 0; i < outputShapes.size(); i++) {
            outs.add(new SymbolicTensor(outputShapes.get(i), this, i));
        }
        this.outputs = Collections.unmodifiableList(outs);
    }

    /** The layer called. */
    public Layer layer() {
        return layer;
    }

    /** The tensors the layer was called on (none for an input). */
    public List<SymbolicTensor> inputs() {
        return inputs;
    }

    /** The tensors the call produced. */
    public List<SymbolicTensor> outputs() {
        return outputs;
    }

    /** The position of this call among the layer's calls (Keras's {@code node_index}). */
    public int indexInLayer() {
        return indexInLayer;
    }

    /** Whether this node is the creation of a model input. */
    public boolean isInput() {
        return layer instanceof Input;
    }
}
