package dev.jnn.layers;

/**
 * Keras's {@code Minimum}: the element-wise minimum of a list of inputs, with Keras's broadcasting and
 * masks (see {@link ElementwiseMerge}, {@link SelectingMerge}).
 *
 * <pre>{@code
 * Tensor y = new Minimum().call(List.of(a, b), false).get(0);
 * }</pre>
 */
public final class Minimum extends SelectingMerge {
    /** Minimum has no arguments. */
    public record Config() implements LayerConfig {
    }

    private static final Config CONFIG = new Config();

    @Override
    public Config config() {
        return CONFIG;
    }

    @Override
    boolean prefers(float a, float b) {
        return a <= b;
    }
}
