package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;

/**
 * Keras's {@code Reshape}: gives each sample a new shape of the same size; one axis may be -1.
 *
 * <pre>{@code
 * model.add(new Reshape(3, 2));
 * }</pre>
 */
public final class Reshape extends Layer {
    /** @param targetShape the per-sample shape; at most one entry may be -1 (inferred) */
    public record Config(int[] targetShape) implements LayerConfig {
        public Config {
            targetShape = targetShape.clone();
            int unknown = 0;
            for (int d : targetShape) {
                if (d == -1) {
                    unknown++;
                } else if (d <= 0) {
                    throw new IllegalArgumentException("Reshape: target_shape entries must be > 0 or -1, got "
                            + Arrays.toString(targetShape));
                }
            }
            if (unknown > 1) {
                throw new IllegalArgumentException("Reshape: at most one -1 in target_shape, got "
                        + Arrays.toString(targetShape));
            }
        }

        @Override
        public int[] targetShape() {
            return targetShape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Config c && Arrays.equals(targetShape, c.targetShape);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(targetShape);
        }

        @Override
        public String toString() {
            return "Config[targetShape=" + Arrays.toString(targetShape) + "]";
        }
    }

    private final Config config;
    private final PerStep<ViewCall> views = new PerStep<>(
            () -> new ViewCall(x -> outputShape(x.shape().withoutBatch()).withBatch(x.rows())));

    public Reshape(int... targetShape) {
        this.config = new Config(targetShape);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        int[] target = config.targetShape();
        int size = inputShape.size();
        int known = 1;
        int unknownAxis = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                unknownAxis = i;
            } else {
                known *= target[i];
            }
        }
        if (unknownAxis >= 0) {
            if (known == 0 || size % known != 0) {
                throw mismatch(inputShape);
            }
            target[unknownAxis] = size / known;
        } else if (known != size) {
            throw mismatch(inputShape);
        }
        return Shape.of(target);
    }

    private IllegalArgumentException mismatch(Shape inputShape) {
        return new IllegalArgumentException("Layer \"" + name() + "\": total size of the input shape "
                + inputShape.toKerasString() + " (" + inputShape.size() + ") does not match target_shape "
                + Arrays.toString(config.targetShape()));
    }

    @Override
    protected Tensor forward(Tensor x, boolean training) {
        return views.acquire().view(x);
    }
}
