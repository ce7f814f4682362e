package dev.jnn.losses;

import java.util.Collections;
import java.util.Map;

/**
 * Keras's {@code Huber} loss (Keras name {@code "huber_loss"}): with {@code e = y_pred - y_true},
 * {@code f(e) = ½e²} when {@code |e| <= delta}, else {@code delta·|e| - ½delta²};
 * {@code loss = mean(f(e), axis=-1)}.
 *
 * <pre>{@code
 * Loss huber = new Huber(new Huber.Config(2.0));   // Losses.get("huber") uses delta = 1
 * float value = huber.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class Huber extends ElementwiseLoss {
    /**
     * @param delta where the loss turns from quadratic to linear; Keras's default is 1.0
     */
    public record Config(double delta) {
        public Config {
            if (!(delta >= 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("delta must be finite and >= 0, got " + delta);
            }
        }
    }

    private final Config config;

    /** Keras's defaults: {@code delta = 1.0}. */
    public Huber() {
        this(new Config(1.0));
    }

    /** A loss with the given options. */
    public Huber(Config config) {
        super("huber_loss");
        this.config = config;
    }

    /** Where the loss turns from quadratic to linear. */
    public double delta() {
        return config.delta();
    }

    /** Keras's config keys; {@code delta} is added (Keras 3 omits it) so the config rebuilds this loss. */
    @Override
    public Map<String, Object> config() {
        var c = baseConfig();
        c.put("delta", config.delta());
        return Collections.unmodifiableMap(c);
    }

    @Override
    double value(float t, float y) {
        double delta = (float) config.delta();
        double e = Math.abs((double) y - t);
        return e <= delta ? 0.5 * e * e : delta * e - 0.5 * delta * delta;
    }

    @Override
    double derivative(float t, float y) {
        double delta = (float) config.delta();
        double e = (double) y - t;
        return Math.abs(e) <= delta ? e : delta * Math.signum(e);
    }
}
