package dev.jnn.layers;

import java.util.List;

/**
 * The builder settings shared by {@link Conv2D} and {@link Conv2DTranspose} on top of
 * {@link WeightedLayerBuilder}: filters, kernel size and Keras's defaults strides 1, "valid", dilation 1.
 *
 * @param <B> the concrete builder
 */
abstract class Conv2DLayerBuilder<B extends Conv2DLayerBuilder<B>> extends WeightedLayerBuilder<B> {
    final int filters;
    final List<Integer> kernelSize;
    List<Integer> strides = List.of(1, 1);
    Padding padding = Padding.VALID;
    List<Integer> dilationRate = List.of(1, 1);

    Conv2DLayerBuilder(int filters, int kernelHeight, int kernelWidth) {
        this.filters = filters;
        this.kernelSize = List.of(kernelHeight, kernelWidth);
    }

    /** The same stride along height and width. */
    public B strides(int stride) {
        return strides(stride, stride);
    }

    public B strides(int height, int width) {
        this.strides = List.of(height, width);
        return self();
    }

    /** {@code "valid"} or {@code "same"}. */
    public B padding(String name) {
        return padding(Padding.of(name));
    }

    public B padding(Padding mode) {
        this.padding = mode;
        return self();
    }

    /** The same dilation along height and width. */
    public B dilationRate(int rate) {
        return dilationRate(rate, rate);
    }

    public B dilationRate(int height, int width) {
        this.dilationRate = List.of(height, width);
        return self();
    }
}
