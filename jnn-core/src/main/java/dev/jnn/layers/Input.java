package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * The input of a model: its per-sample shape, like {@code keras.Input(shape=(2,))}.
 *
 * <pre>{@code
 * model.add(Input.shape(2));
 * }</pre>
 */
public final class Input extends Layer {
    /** @param shape per-sample shape (no batch axis) */
    public record Config(Shape shape) implements LayerConfig {
        public Config {
            if (shape == null || shape.rank() == 0) {
                throw new IllegalArgumentException("Input: shape must have at least one axis, got " + shape);
            }
        }
    }

    private final Config config;

    private Input(Shape shape) {
        this.config = new Config(shape);
    }

    /** An input of the given per-sample shape: {@code Input.shape(28, 28, 1)}. */
    public static Input shape(int... dims) {
        return new Input(Shape.of(dims));
    }

    /**
     * Keras's {@code keras.Input(shape=...)} for the functional API: a symbolic tensor of the given
     * per-sample shape, produced by a new input layer.
     */
    public static SymbolicTensor tensor(int... dims) {
        return new Input(Shape.of(dims)).symbolic();
    }

    /** {@link #tensor(int...)} with the input layer's name (Keras's {@code name=}). */
    public static SymbolicTensor tensor(String name, int... dims) {
        Input input = new Input(Shape.of(dims));
        input.named(name);
        return input.symbolic();
    }

    private SymbolicTensor symbolic() {
        build(config.shape(), false);
        return addNode(java.util.List.of(), java.util.List.of(config.shape())).outputs().get(0);
    }

    /** The per-sample shape. */
    public Shape shape() {
        return config.shape();
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return config.shape();
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return x;
    }

    @Override
    public String className() {
        return "InputLayer";
    }
}
