package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.tensor.BackwardStep;
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
    private final PerStep<Call> calls = new PerStep<>(Call::new);

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
        Call call = calls.acquire();
        call.prepare(x);
        config.activation.forward(x.data(), call.y.data(), call.rows, call.cols);
        if (GradientTape.isRecording(x)) {
            GradientTape.active().record(call.y, call);
        }
        return call.y;
    }

    /** One call's output and backward. */
    private final class Call implements BackwardStep {
        private Tensor x;
        private Shape shape;
        private Tensor y;
        private float[] dx;
        private int rows;
        private int cols;

        void prepare(Tensor input) {
            this.x = input;
            if (!input.shape().equals(shape)) {
                shape = input.shape();
                cols = shape.rank() == 0 ? 1 : shape.dim(-1);
                rows = cols == 0 ? 0 : input.size() / cols;
                y = Tensor.zeros(shape);
                dx = new float[input.size()];
            }
        }

        @Override
        public void backward() {
            config.activation.backward(x.data(), y.data(), y.grad(), dx, rows, cols);
            float[] g = x.grad();
            for (int i = 0; i < dx.length; i++) {
                g[i] += dx[i];
            }
        }
    }
}
