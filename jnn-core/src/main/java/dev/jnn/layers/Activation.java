package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Applies an activation function to its input, as Keras's {@code Activation} layer.
 *
 * <pre>{@code
 * model.add(new Activation("relu"));
 * }</pre>
 */
public final class Activation extends Layer {
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
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        ActivationFunction f = config.activation;
        int cols = x.shape().rank() == 0 ? 1 : x.shape().dim(-1);
        int rows = cols == 0 ? 0 : x.size() / cols;
        Tensor y = Tensor.zeros(x.shape());
        f.forward(x.data(), y.data(), rows, cols);
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(y, () -> {
                float[] dx = new float[x.size()];
                f.backward(x.data(), y.data(), y.grad(), dx, rows, cols);
                float[] g = x.grad();
                for (int i = 0; i < dx.length; i++) {
                    g[i] += dx[i];
                }
            });
        }
        return y;
    }
}
