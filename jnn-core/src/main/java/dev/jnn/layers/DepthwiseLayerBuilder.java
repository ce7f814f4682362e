package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;
import java.util.List;

/**
 * The builder settings shared by {@link DepthwiseConv2D} and {@link SeparableConv2D}, starting from
 * Keras's defaults: strides 1, "valid", dilation 1, depth_multiplier 1, linear activation, a bias,
 * glorot_uniform depthwise kernel, zeros bias, no regularizers.
 *
 * <pre>{@code
 * DepthwiseConv2D.builder(3).depthMultiplier(2).padding("same").activation("relu").build();
 * }</pre>
 *
 * @param <B> the concrete builder
 */
abstract class DepthwiseLayerBuilder<B extends DepthwiseLayerBuilder<B>> extends BiasedLayerBuilder<B> {
    final List<Integer> kernelSize;
    List<Integer> strides = List.of(1, 1);
    Padding padding = Padding.VALID;
    List<Integer> dilationRate = List.of(1, 1);
    int depthMultiplier = 1;
    Initializer depthwiseInitializer = Initializers.get("glorot_uniform");
    Regularizer depthwiseRegularizer;

    DepthwiseLayerBuilder(int kernelHeight, int kernelWidth) {
        super("linear");
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

    /** Output channels per input channel of the depthwise step. */
    public B depthMultiplier(int multiplier) {
        this.depthMultiplier = multiplier;
        return self();
    }

    /** The depthwise kernel's initializer, by name ({@code "he_normal"}, ...). */
    public B depthwiseInitializer(String name) {
        return depthwiseInitializer(Initializers.get(name));
    }

    /** The depthwise kernel's initializer. */
    public B depthwiseInitializer(Initializer initializer) {
        this.depthwiseInitializer = initializer;
        return self();
    }

    /** A penalty on the depthwise kernel added to the loss, or {@code null} for none. */
    public B depthwiseRegularizer(Regularizer regularizer) {
        this.depthwiseRegularizer = regularizer;
        return self();
    }
}
