package dev.jnn.layers;

import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Relu;

/**
 * Keras's {@code ReLU} layer: {@code f(x) = clip(x > t ? x : 0, 0, max_value) - negative_slope · max(t - x, 0)}
 * with threshold {@code t}; the defaults give {@code max(x, 0)}.
 *
 * <pre>{@code
 * model.add(new ReLU());
 * model.add(new ReLU(6f, 0f, 0f));    // ReLU6
 * }</pre>
 */
public final class ReLU extends FunctionLayer {
    /**
     * @param maxValue      saturation value, or null for none; &gt;= 0
     * @param negativeSlope slope below the threshold, &gt;= 0
     * @param threshold     values at or below it are damped, &gt;= 0
     */
    public record Config(Float maxValue, float negativeSlope, float threshold) implements LayerConfig {
        public Config {
            if (maxValue != null && !(maxValue >= 0f)) {
                throw new IllegalArgumentException("ReLU: max_value cannot be negative, got " + maxValue);
            }
            if (!(negativeSlope >= 0f) || !Float.isFinite(negativeSlope)) {
                throw new IllegalArgumentException("ReLU: negative_slope must be a finite value >= 0, got " + negativeSlope);
            }
            if (!(threshold >= 0f) || !Float.isFinite(threshold)) {
                throw new IllegalArgumentException("ReLU: threshold must be a finite value >= 0, got " + threshold);
            }
        }
    }

    private final Config config;
    private final Relu function;

    /** {@code max(x, 0)}. */
    public ReLU() {
        this(new Config(null, 0f, 0f));
    }

    public ReLU(Float maxValue, float negativeSlope, float threshold) {
        this(new Config(maxValue, negativeSlope, threshold));
    }

    public ReLU(Config config) {
        this.config = config;
        this.function = new Relu(config.negativeSlope, config.maxValue, config.threshold);
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
