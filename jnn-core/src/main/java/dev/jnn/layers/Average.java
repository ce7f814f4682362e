package dev.jnn.layers;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code Average}: {@code y = (x₀ + x₁ + …) / n}, with Keras's broadcasting (see
 * {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * Tensor mean = new Average().call(List.of(a, b, c), false).get(0);
 * }</pre>
 */
public final class Average extends ElementwiseMerge {
    /** Average has no arguments. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    void compute(Call c) {
        float[] y = c.y.data();
        float[] x0 = c.x[0].data();
        for (int e = 0; e < c.size; e++) {
            y[e] = x0[c.at(0, e)];
        }
        for (int i = 1; i < c.n; i++) {
            float[] xi = c.x[i].data();
            for (int e = 0; e < c.size; e++) {
                y[e] += xi[c.at(i, e)];
            }
        }
        float n = c.n;
        for (int e = 0; e < c.size; e++) {
            y[e] /= n;
        }
    }

    @Override
    void backward(Call c) {
        float[] dy = c.y.grad();
        float n = c.n;
        for (int i = 0; i < c.n; i++) {
            Tensor xi = c.x[i];
            if (xi.requiresGrad()) {
                float[] g = xi.grad();
                for (int e = 0; e < c.size; e++) {
                    g[c.at(i, e)] += dy[e] / n;
                }
            }
        }
    }
}
