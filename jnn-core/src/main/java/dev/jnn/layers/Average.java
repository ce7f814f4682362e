package dev.jnn.layers;

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
        sumInto(c);
        float[] y = c.y.data();
        float n = c.n;
        for (int e = 0; e < c.size; e++) {
            y[e] /= n;
        }
    }

    @Override
    void backward(Call c) {
        addGradientOfSum(c, c.n);
    }
}
