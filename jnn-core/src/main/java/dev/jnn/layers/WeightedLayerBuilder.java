package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;

/**
 * The builder settings shared by layers with a kernel and an optional bias ({@link Dense},
 * {@link Conv1D}, {@link Conv2D}), starting from Keras's defaults: linear activation, a bias,
 * glorot_uniform kernel, zeros bias, no regularizers.
 *
 * <p>Each setter returns the concrete builder, so calls chain in any order:
 * <pre>{@code
 * Dense.builder(8).activation("relu").kernelRegularizer(new L2(0.01f)).build();
 * }</pre>
 *
 * @param <B> the concrete builder
 */
abstract class WeightedLayerBuilder<B extends WeightedLayerBuilder<B>> {
    ActivationFunction activation = Activations.get("linear");
    boolean useBias = true;
    Initializer kernelInitializer = Initializers.get("glorot_uniform");
    Initializer biasInitializer = Initializers.get("zeros");
    Regularizer kernelRegularizer;
    Regularizer biasRegularizer;

    /** This builder, typed as the concrete builder. */
    abstract B self();

    /** The activation applied to the output, by name ({@code "relu"}, ...). */
    public B activation(String name) {
        this.activation = Activations.get(name);
        return self();
    }

    /** The activation applied to the output. */
    public B activation(ActivationFunction function) {
        this.activation = function;
        return self();
    }

    /** Whether the layer adds a bias. */
    public B useBias(boolean use) {
        this.useBias = use;
        return self();
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

    /** The bias's initializer, by name ({@code "zeros"}, ...). */
    public B biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** The bias's initializer. */
    public B biasInitializer(Initializer initializer) {
        this.biasInitializer = initializer;
        return self();
    }

    /** A penalty on the kernel added to the loss, or {@code null} for none. */
    public B kernelRegularizer(Regularizer regularizer) {
        this.kernelRegularizer = regularizer;
        return self();
    }

    /** A penalty on the bias added to the loss, or {@code null} for none. */
    public B biasRegularizer(Regularizer regularizer) {
        this.biasRegularizer = regularizer;
        return self();
    }
}
