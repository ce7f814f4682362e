package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Identity}: returns its input unchanged (mask included), a placeholder in a graph.
 *
 * <pre>{@code
 * model.add(new Identity());
 * }</pre>
 */
public final class Identity extends Layer {
    /** Identity has no arguments. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    public Identity() {
    }

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return x;
    }

    @Override
    protected boolean supportsMasking() {
        return true;
    }
}
