package dev.jnn.layers;

import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;

/**
 * The builder settings shared by layers with a kernel and an optional bias ({@link Dense},
 * {@link Conv1D}, {@link Conv2D}, the recurrent layers), starting from Keras's defaults: linear
 * activation (unless the layer says otherwise), a bias, glorot_uniform kernel, zeros bias, no regularizers.
 *
 * <p>Each setter returns the concrete builder, so calls chain in any order:
 * <pre>{@code
 * Dense.builder(8).activation("relu").kernelRegularizer(new L2(0.01f)).build();
 * }</pre>
 *
 * @param <B> the concrete builder
 */
abstract class WeightedLayerBuilder<B extends WeightedLayerBuilder<B>> extends BiasedLayerBuilder<B> {
    Initializer kernelInitializer = Initializers.get("glorot_uniform");
    Regularizer kernelRegularizer;

    WeightedLayerBuilder() {
        this("linear");
    }

    WeightedLayerBuilder(String defaultActivation) {
        super(defaultActivation);
    }

    /** The kernel's initializer, by name ({@code "he_normal"}, ...). */
    public B kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    /** The kernel's initializer. */
    public B kernelInitializer(Initializer initializer) {
        this.kernelInitializer = initializer;
        return self();
    }

    /** A penalty on the kernel added to the loss, or {@code null} for none. */
    public B kernelRegularizer(Regularizer regularizer) {
        this.kernelRegularizer = regularizer;
        return self();
    }
}
