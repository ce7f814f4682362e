package dev.jnn.layers;

/**
 * Keras's {@code Maximum}: the element-wise maximum of a list of inputs, with Keras's broadcasting and
 * masks (see {@link ElementwiseMerge}, {@link SelectingMerge}).
 *
 * <pre>{@code
 * Tensor y = new Maximum().call(List.of(a, b), false).get(0);
 * }</pre>
 */
public final class Maximum extends SelectingMerge {
    /** Maximum has no arguments. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    boolean prefers(float a, float b) {
        return a >= b;
    }
}
