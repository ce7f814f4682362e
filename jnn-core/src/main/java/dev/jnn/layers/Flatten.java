package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Flatten}: each sample becomes a vector, {@code (None, 2, 3)} → {@code (None, 6)}.
 */
public final class Flatten extends Layer {
    /** Flatten has no options besides Keras's data_format, which is channels_last here. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    private final PerStep<ViewCall> views = new PerStep<>(() -> new ViewCall(x -> Shape.of(x.rows(), x.rowSize())));

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        return Shape.of(inputShape.size());
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return views.acquire().view(x);
    }
}
