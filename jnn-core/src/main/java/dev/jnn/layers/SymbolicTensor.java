package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/**
 * A placeholder for the data flowing through a functional model (Keras's {@code KerasTensor}): it
 * knows its per-sample shape and which layer call produced it, and holds no values.
 *
 * <pre>{@code
 * SymbolicTensor inputs = Input.tensor(784);
 * SymbolicTensor hidden = new Dense(64, "relu").apply(inputs);
 * SymbolicTensor outputs = new Dense(10, "softmax").apply(hidden);
 * Model model = Model.of(inputs, outputs);
 * }</pre>
 *
 * @param shape the per-sample shape (no batch axis)
 * @param node  the layer call that produced this tensor
 * @param index which of that call's outputs this is
 */
public record SymbolicTensor(Shape shape, Node node, int index) {
    public SymbolicTensor {
        if (shape == null || node == null) {
            throw new IllegalArgumentException("SymbolicTensor: shape and node must not be null");
        }
    }

    /** The layer that produced this tensor. */
    public Layer layer() {
        return node.layer();
    }

    /** Keras's history reference, {@code layer_name[node_index][tensor_index]}. */
    public String reference() {
        return node.layer().name() + "[" + node.indexInLayer() + "][" + index + "]";
    }

    @Override
    public String toString() {
        return "<SymbolicTensor shape=" + shape.toKerasString()
                + ", source=" + reference() + ">";
    }
}
