package dev.jnn.layers;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;

/**
 * Keras's {@code Subtract}: {@code y = x₀ - x₁} for exactly two inputs, with Keras's broadcasting
 * (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * Tensor diff = new Subtract().call(List.of(a, b), false).get(0);
 * }</pre>
 */
public final class Subtract extends ElementwiseMerge {
    /** Subtract has no arguments. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    public int inputCount() {
        return 2;
    }

    @Override
    protected Shape mergedShape(List<Shape> inputShapes) {
        if (inputShapes.size() != 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": A `Subtract` layer should be called on"
                    + " exactly 2 inputs. Received: input_shape=" + kerasShapes(inputShapes));
        }
        return super.mergedShape(inputShapes);
    }

    @Override
    void compute(Call c) {
        float[] y = c.y.data();
        float[] a = c.x[0].data();
        float[] b = c.x[1].data();
        for (int e = 0; e < c.size; e++) {
            y[e] = a[c.at(0, e)] - b[c.at(1, e)];
        }
    }

    @Override
    void backward(Call c) {
        float[] dy = c.y.grad();
        for (int i = 0; i < 2; i++) {
            Tensor xi = c.x[i];
            if (xi.requiresGrad()) {
                float[] g = xi.grad();
                float sign = i == 0 ? 1f : -1f;
                for (int e = 0; e < c.size; e++) {
                    g[c.at(i, e)] += sign * dy[e];
                }
            }
        }
    }
}
