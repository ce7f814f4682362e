package dev.jnn.layers;

import dev.jnn.tensor.Shape;

/** The input errors of the convolution layers, worded as Keras's, naming the layer and the shapes. */
final class ConvErrors {
    private ConvErrors() {
    }

    /** An input whose rank (batch included) is not {@code ndim}. */
    static IllegalArgumentException wrongRank(Layer layer, Shape sample, int ndim) {
        return new IllegalArgumentException("Input of layer \"" + layer.name() + "\" is incompatible with the layer: expected ndim="
                + ndim + ", found ndim=" + (sample.rank() + 1) + ". Full shape received: " + sample.toKerasString());
    }

    /** An input whose channel count differs from {@code expected}, the one the layer was built for. */
    static IllegalArgumentException channelsMismatch(Layer layer, int expected, Shape sample) {
        return channelsMismatch(layer, -1, expected, sample);
    }

    /** The same for the channels on Keras axis {@code axis} (batch included, so channels_first is 1). */
    static IllegalArgumentException channelsMismatch(Layer layer, int axis, int expected, Shape sample) {
        return new IllegalArgumentException("Input of layer \"" + layer.name()
                + "\" is incompatible with the layer: expected axis " + axis + " of input shape to have value "
                + expected + ", but received input with shape " + sample.toKerasString());
    }

    /** A valid-padded input smaller than the dilated kernel. */
    static IllegalArgumentException tooSmall(Layer layer, Shape sample, Shape kernel) {
        return new IllegalArgumentException("Input of layer \"" + layer.name()
                + "\": computed output size would be zero or negative, received input with shape "
                + sample.toKerasString() + " and kernel of shape " + kernel
                + " with the layer's strides, dilation_rate and padding");
    }
}
