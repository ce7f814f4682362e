package dev.jnn.losses;

import java.util.Collections;
import java.util.Map;

/**
 * Keras's {@code BinaryCrossentropy}: {@code loss = mean(f(t', y), axis=-1)} with smoothed labels
 * {@code t' = t·(1 - s) + s/2} and
 * <ul>
 *   <li>probabilities ({@code fromLogits = false}): {@code p = clip(y, 1e-7, 1 - 1e-7)},
 *       {@code f = -(t'·log p + (1 - t')·log(1 - p))}; the clip blocks the gradient outside its range;</li>
 *   <li>logits: {@code f = max(y, 0) - y·t' + log(1 + e^-|y|)}, whose derivative is {@code σ(y) - t'}.</li>
 * </ul>
 *
 * <pre>{@code
 * Loss bce = new BinaryCrossentropy(new BinaryCrossentropy.Config(true, 0.1));   // logits, smoothing
 * float value = bce.compute(yTrue, logits, null, gradient);
 * }</pre>
 */
public final class BinaryCrossentropy extends ElementwiseLoss {
    /**
     * @param fromLogits     whether {@code y_pred} holds logits rather than probabilities (Keras: false)
     * @param labelSmoothing in [0, 1], squeezes labels towards 0.5 (Keras: 0)
     */
    public record Config(boolean fromLogits, double labelSmoothing) {
        public Config {
            LabelSmoothing.check(labelSmoothing);
        }
    }

    private final Config config;

    /** Keras's defaults: probabilities, no label smoothing. */
    public BinaryCrossentropy() {
        this(new Config(false, 0.0));
    }

    /** A loss with the given options. */
    public BinaryCrossentropy(Config config) {
        super("binary_crossentropy");
        this.config = config;
    }

    /** Whether {@code y_pred} is read as logits. */
    public boolean fromLogits() {
        return config.fromLogits();
    }

    /** The label smoothing factor, in [0, 1]. */
    public double labelSmoothing() {
        return config.labelSmoothing();
    }

    @Override
    public Map<String, Object> config() {
        var c = baseConfig();
        c.put("from_logits", config.fromLogits());
        c.put("label_smoothing", config.labelSmoothing());
        c.put("axis", -1);
        return Collections.unmodifiableMap(c);
    }

    @Override
    double value(float t, float y) {
        double target = smooth(t);
        if (config.fromLogits()) {
            return Math.max(y, 0.0) - y * target + Math.log1p(Math.exp(-Math.abs((double) y)));
        }
        double p = Epsilon.clipProbability(y);
        return -(target * Math.log(p) + (1.0 - target) * Math.log(1.0 - p));
    }

    @Override
    double derivative(float t, float y) {
        double target = smooth(t);
        if (config.fromLogits()) {
            return Softplus.sigmoid(y) - target;
        }
        if (!Epsilon.insideProbabilityClip(y)) {
            return 0.0;
        }
        return -target / y + (1.0 - target) / (1.0 - y);
    }

    private double smooth(float t) {
        double s = config.labelSmoothing();
        return s == 0.0 ? t : t * (1.0 - s) + 0.5 * s;
    }
}
