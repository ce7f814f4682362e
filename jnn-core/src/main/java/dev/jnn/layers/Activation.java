package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;

/**
 * Applies an activation function to its input, as Keras's {@code Activation} layer.
 *
 * <pre>{@code
 * model.add(new Activation("relu"));
 * }</pre>
 */
public final class Activation extends FunctionLayer {
    /** @param activation the function applied element-wise (row-wise for softmax) */
    public record Config(ActivationFunction activation) implements LayerConfig {
        public Config {
            if (activation == null) {
                throw new IllegalArgumentException("Activation: activation must not be null");
            }
        }
    }

    private final Config config;

    /** An activation layer for a Keras activation name ({@code "relu"}, {@code "softmax"}, ...). */
    public Activation(String activation) {
        this(Activations.get(activation));
    }

    /** An activation layer for a function object. */
    public Activation(ActivationFunction activation) {
        this.config = new Config(activation);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    ActivationFunction function() {
        return config.activation;
    }
}
