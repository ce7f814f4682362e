package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Fills a matrix with {@code gain} times the identity: {@code w[i][j] = gain} when {@code i == j},
 * else 0. Non-square matrices get ones on the main diagonal, as {@code eye(rows, cols)}; other ranks
 * are rejected, as in Keras.
 *
 * <pre>{@code
 * Tensor w = new Identity(1.0).create(Shape.of(4, 4));
 * }</pre>
 *
 * @param gain the value on the diagonal
 */
public record Identity(double gain) implements Initializer {
    /** Keras's default, {@code gain = 1}. */
    public Identity() {
        this(1.0);
    }

    public Identity {
        if (!Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be finite, got " + gain);
        }
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        if (shape.rank() != 2) {
            throw new IllegalArgumentException("identity: the initializer only fills 2D matrices, got shape "
                    + shape + " of rank " + shape.rank());
        }
        int rows = shape.dim(0);
        int cols = shape.dim(1);
        Arrays.fill(out, 0f);
        for (int i = 0; i < Math.min(rows, cols); i++) {
            out[i * cols + i] = (float) gain;
        }
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("gain", gain);
    }
}
