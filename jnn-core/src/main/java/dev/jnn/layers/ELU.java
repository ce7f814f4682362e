package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Elu;

/**
 * Keras's {@code ELU} layer: {@code f(x) = x} for {@code x > 0}, {@code alpha · (exp(x) - 1)} otherwise.
 *
 * <pre>{@code
 * model.add(new ELU());          // alpha 1.0
 * model.add(new ELU(0.5f));
 * }</pre>
 */
public final class ELU extends FunctionLayer {
    /** @param alpha scale of the negative part */
    public record Config(float alpha) implements LayerConfig {
        public Config {
            if (!Float.isFinite(alpha)) {
                throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
            }
        }
    }

    private final Config config;
    private final Elu function;

    public ELU() {
        this(1f);
    }

    public ELU(float alpha) {
        this(new Config(alpha));
    }

    public ELU(Config config) {
        this.config = config;
        this.function = new Elu(config.alpha);
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
