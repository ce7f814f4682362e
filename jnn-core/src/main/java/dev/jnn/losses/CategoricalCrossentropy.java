package dev.jnn.losses;

import java.util.Collections;
import java.util.Map;

/**
 * Keras's {@code CategoricalCrossentropy} over the last axis, for one-hot (or soft) labels.
 *
 * <p>Labels are smoothed first: {@code t' = t·(1 - s) + s/C} for C classes. Then
 * <ul>
 *   <li>probabilities ({@code fromLogits = false}): like Keras, the row is normalised by its sum and
 *       clipped, {@code q = clip(y / Σy, 1e-7, 1 - 1e-7)}, and {@code loss = -Σ t'·log q};</li>
 *   <li>logits: {@code loss = Σ t'·(logsumexp(y) - y)}, gradient {@code Σt'·softmax(y) - t'}.</li>
 * </ul>
 *
 * <pre>{@code
 * Loss cce = new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, 0.0));
 * float value = cce.compute(oneHot, logits, null, gradient);   // shapes [batch, classes]
 * }</pre>
 */
public final class CategoricalCrossentropy extends RowwiseLoss {
    /**
     * @param fromLogits     whether {@code y_pred} holds logits rather than probabilities (Keras: false)
     * @param labelSmoothing in [0, 1], mixes the labels with the uniform distribution (Keras: 0)
     */
    public record Config(boolean fromLogits, double labelSmoothing) {
        public Config {
            LabelSmoothing.check(labelSmoothing);
        }
    }

    private final Config config;

    /** Keras's defaults: probabilities, no label smoothing. */
    public CategoricalCrossentropy() {
        this(new Config(false, 0.0));
    }

    /** A loss with the given options. */
    public CategoricalCrossentropy(Config config) {
        super("categorical_crossentropy");
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
    double rowValue(float[] t, float[] y, int p, int width) {
        int from = p * width;
        double loss = 0;
        if (config.fromLogits()) {
            double lse = Softmax.logSumExp(y, from, width);
            for (int j = from; j < from + width; j++) {
                loss += smooth(t[j], width) * (lse - y[j]);
            }
            return loss;
        }
        double sum = rowSum(y, from, width);
        for (int j = from; j < from + width; j++) {
            loss -= smooth(t[j], width) * Math.log(Epsilon.clipProbability((float) (y[j] / sum)));
        }
        return loss;
    }

    @Override
    void rowGradient(float[] t, float[] y, int p, int width, double scale, float[] grad) {
        int from = p * width;
        if (config.fromLogits()) {
            double lse = Softmax.logSumExp(y, from, width);
            double labelSum = 0;
            for (int j = from; j < from + width; j++) {
                labelSum += smooth(t[j], width);
            }
            for (int j = from; j < from + width; j++) {
                grad[j] = (float) (scale * (labelSum * Math.exp(y[j] - lse) - smooth(t[j], width)));
            }
            return;
        }
        // loss(q(y)) with q = y / Σy: ∂loss/∂y_k = (g_k - Σ_j g_j·q_j) / Σy, g = ∂loss/∂q.
        double sum = rowSum(y, from, width);
        double dot = 0;
        for (int j = from; j < from + width; j++) {
            float q = (float) (y[j] / sum);
            dot += lossByProbability(t[j], q, width) * q;
        }
        for (int j = from; j < from + width; j++) {
            float q = (float) (y[j] / sum);
            grad[j] = (float) (scale * (lossByProbability(t[j], q, width) - dot) / sum);
        }
    }

    /** {@code ∂loss/∂q_j} for the normalised probability q_j: {@code -t'_j / q_j} inside the clip, else 0. */
    private double lossByProbability(float t, float q, int classes) {
        return Epsilon.insideProbabilityClip(q) ? -smooth(t, classes) / q : 0.0;
    }

    private double smooth(float t, int classes) {
        double s = config.labelSmoothing();
        return s == 0.0 ? t : t * (1.0 - s) + s / classes;
    }
}
