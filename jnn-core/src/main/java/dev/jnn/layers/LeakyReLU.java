package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.LeakyRelu;

/**
 * Keras's {@code LeakyReLU} layer: {@code f(x) = x} for {@code x >= 0}, {@code negative_slope · x}
 * otherwise. The layer's default slope is 0.3 (the {@code leaky_relu} activation's is 0.2).
 *
 * <pre>{@code
 * model.add(new LeakyReLU());        // slope 0.3
 * model.add(new LeakyReLU(0.1f));
 * }</pre>
 */
public final class LeakyReLU extends FunctionLayer {
    /** Keras's default {@code negative_slope} for the layer. */
    public static final float DEFAULT_NEGATIVE_SLOPE = 0.3f;

    /** @param negativeSlope slope for negative inputs, &gt;= 0 */
    public record Config(float negativeSlope) implements LayerConfig {
        public Config {
            if (!(negativeSlope >= 0f) || !Float.isFinite(negativeSlope)) {
                throw new IllegalArgumentException("LeakyReLU: negative_slope must be a finite value >= 0, got "
                        + negativeSlope);
            }
        }
    }

    private final Config config;
    private final LeakyRelu function;

    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    public LeakyReLU(float negativeSlope) {
        this(new Config(negativeSlope));
    }

    public LeakyReLU(Config config) {
        this.config = config;
        this.function = new LeakyRelu(config.negativeSlope);
    }

    @Override
    ActivationFunction function() {
        return function;
    }

    @Override
    public Config config() {
        return config;
    }
}
