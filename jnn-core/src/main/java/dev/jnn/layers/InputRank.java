package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/** The rank check shared by the pooling and shape layers, with Keras's message. */
final class InputRank {
    private InputRank() {
    }

    /** Throws unless the per-sample {@code sample} has {@code rank} axes (Keras counts the batch too). */
    static void require(Layer layer, Shape sample, int rank) {
        if (sample.rank() != rank) {
            throw new IllegalArgumentException("Input of layer \"" + layer.name()
                    + "\" is incompatible with the layer: expected ndim=" + (rank + 1) + ", found ndim="
                    + (sample.rank() + 1) + ". Full shape received: " + sample.toKerasString());
        }
    }
}
