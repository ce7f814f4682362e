package dev.jnn.layers;

/**
 * Keras's {@code Add}: the element-wise sum of a list of inputs, {@code y = x₀ + x₁ + …}, with
 * Keras's broadcasting (see {@link ElementwiseMerge}).
 *
 * <pre>{@code
 * Tensor y = new Add().call(List.of(a, b), false).get(0);
 * }</pre>
 */
public final class Add extends ElementwiseMerge {
    /** Add has no arguments. */
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
    }

    @Override
    void backward(Call c) {
        addGradientOfSum(c, 1f);
    }
}
