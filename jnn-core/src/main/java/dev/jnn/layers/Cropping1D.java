package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Cropping1D}: removes {@code start} steps at the beginning and {@code end} at the end of
 * each sequence, {@code (steps, features)} → {@code (steps - start - end, features)}.
 *
 * <pre>{@code
 * model.add(new Cropping1D());          // cropping=(1, 1)
 * model.add(new Cropping1D(2, 0));
 * }</pre>
 */
public final class Cropping1D extends BorderLayer1D {
    /** Keras's {@code cropping=(start, end)}; both &gt;= 0. */
    public record Config(int start, int end) implements LayerConfig {
        public Config {
            if (start < 0 || end < 0) {
                throw new IllegalArgumentException("Cropping1D: cropping entries must be >= 0, got (" + start + ", "
                        + end + ")");
            }
        }
    }

    private final Config config;

    /** Keras's default: one step off each end. */
    public Cropping1D() {
        this(1, 1);
    }

    public Cropping1D(int start, int end) {
        this(new Config(start, end));
    }

    public Cropping1D(Config config) {
        super(true, config.start());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        InputRank.require(this, inputShape, 2);
        int length = channelsLastOutput(inputShape.dim(0));
        if (length <= 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": `cropping` parameter of `Cropping1D` layer "
                    + "must be smaller than the input length. Received: input_shape=" + inputShape.toKerasString()
                    + ", cropping=(" + config.start + ", " + config.end + ")");
        }
        return Shape.of(length, inputShape.dim(1));
    }

    @Override
    int channelsLastOutput(int steps) {
        return steps - config.start - config.end;
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return copy(x);
    }
}
