package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/**
 * Resolves the {@code axis} argument of the normalization layers against a per-sample shape. Keras
 * counts {@code axis} on the full input, batch included: {@code -1} is the last axis and {@code 0}
 * the batch, which these layers cannot normalize over.
 */
final class ChannelAxis {
    private ChannelAxis() {
    }

    /**
     * The index into the per-sample shape of Keras axis {@code axis}; throws naming the layer and the
     * shape when the axis is out of range or is the batch axis.
     */
    static int resolve(String layerName, int axis, Shape sample) {
        int fullRank = sample.rank() + 1;
        int a = axis < 0 ? axis + fullRank : axis;
        if (a < 1 || a >= fullRank) {
            throw new IllegalArgumentException("Axis " + axis + " is out of bounds for input shape "
                    + sample.toKerasString() + " of layer \"" + layerName + "\" (the batch axis 0 cannot be normalized)");
        }
        return a - 1;
    }

    /**
     * Checks, as Keras does, that a built layer's new input of the same rank keeps the size of axis
     * {@code axis} it was built with ({@code builtIndex} in the build shape); resolves {@code axis}
     * against {@code sample} first, so an out-of-range axis throws as in {@link #resolve}.
     */
    static void requireUnchanged(Layer layer, int axis, Shape sample, int builtIndex) {
        int index = resolve(layer.name(), axis, sample);
        if (layer.built() && sample.rank() == layer.inputShape().rank()
                && sample.dim(index) != layer.inputShape().dim(builtIndex)) {
            throw new IllegalArgumentException("Input of layer \"" + layer.name() + "\" is incompatible with the layer: expected axis "
                    + axis + " of input shape to have value " + layer.inputShape().dim(builtIndex)
                    + ", but received input with shape " + sample.toKerasString());
        }
    }

    /** Product of the per-sample dimensions before {@code index}. */
    static int before(Shape sample, int index) {
        int n = 1;
        for (int i = 0; i < index; i++) {
            n *= sample.dim(i);
        }
        return n;
    }

    /** Product of the per-sample dimensions after {@code index}. */
    static int after(Shape sample, int index) {
        int n = 1;
        for (int i = index + 1; i < sample.rank(); i++) {
            n *= sample.dim(i);
        }
        return n;
    }
}
