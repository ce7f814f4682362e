package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;

/**
 * The builder settings every layer with an output activation and an optional bias shares
 * ({@link WeightedLayerBuilder}, {@link DepthwiseLayerBuilder}, {@link RecurrentLayer.Builder}):
 * Keras's {@code activation}, {@code use_bias}, {@code bias_initializer} (default zeros) and
 * {@code bias_regularizer} (default none).
 *
 * @param <B> the concrete builder
 */
abstract class BiasedLayerBuilder<B extends BiasedLayerBuilder<B>> {
    ActivationFunction activation;
    boolean useBias = true;
    Initializer biasInitializer = Initializers.get("zeros");
    Regularizer biasRegularizer;

    /** Keras's default activation differs by layer: linear for Dense and convolutions, tanh for RNNs. */
    BiasedLayerBuilder(String defaultActivation) {
        this.activation = Activations.get(defaultActivation);
    }

    /** This builder, typed as the concrete builder. */
    abstract B self();

    /** The activation applied to the output, by name ({@code "relu"}, ...). */
    public B activation(String name) {
        return activation(Activations.get(name));
    }

    /** The activation applied to the output. */
    public B activation(ActivationFunction function) {
        this.activation = function;
        return self();
    }

    /** Whether the layer adds a bias (Keras's {@code use_bias}). */
    public B useBias(boolean use) {
        this.useBias = use;
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

    /** A penalty on the bias added to the loss, or {@code null} for none. */
    public B biasRegularizer(Regularizer regularizer) {
        this.biasRegularizer = regularizer;
        return self();
    }
}
