package dev.jnn.losses;

import java.util.Collections;
import java.util.Map;

/**
 * Keras's {@code SparseCategoricalCrossentropy}: categorical crossentropy with one integer label
 * {@code k} in {@code [0, C)} per position instead of a one-hot row.
 * <ul>
 *   <li>probabilities ({@code fromLogits = false}): {@code loss = -log clip(y_k / Σy, 1e-7, 1 - 1e-7)},
 *       normalising then clipping as Keras's JAX, NumPy and PyTorch backends do;</li>
 *   <li>logits: {@code loss = logsumexp(y) - y_k}, gradient {@code softmax(y) - onehot(k)}.</li>
 * </ul>
 * Labels of shape [N] or [N, 1] both fit predictions [N, C]. A label that is not an integer in
 * {@code [0, C)} is rejected (Keras silently yields 0 or fails inside the backend).
 *
 * <pre>{@code
 * Loss scce = new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true));
 * float value = scce.compute(Tensor.ofLabels(new int[] {2, 0}), logits, null, gradient);
 * }</pre>
 */
public final class SparseCategoricalCrossentropy extends RowwiseLoss {
    /**
     * @param fromLogits whether {@code y_pred} holds logits rather than probabilities (Keras: false)
     */
    public record Config(boolean fromLogits) {
    }

    private final Config config;

    /** Keras's defaults: probabilities. */
    public SparseCategoricalCrossentropy() {
        this(new Config(false));
    }

    /** A loss with the given options. */
    public SparseCategoricalCrossentropy(Config config) {
        super("sparse_categorical_crossentropy");
        this.config = config;
    }

    /** Whether {@code y_pred} is read as logits. */
    public boolean fromLogits() {
        return config.fromLogits();
    }

    /** Keras's config keys; {@code ignore_class} is always null (not supported). */
    @Override
    public Map<String, Object> config() {
        var c = baseConfig();
        c.put("from_logits", config.fromLogits());
        c.put("ignore_class", null);
        return Collections.unmodifiableMap(c);
    }

    @Override
    protected boolean sparseLabels() {
        return true;
    }

    @Override
    double rowValue(float[] t, float[] y, int p, int width) {
        int from = p * width;
        int k = from + label(t, p, width);
        if (config.fromLogits()) {
            return Softmax.logSumExp(y, from, width) - y[k];
        }
        return -Math.log(Epsilon.clipProbability((float) (y[k] / rowSum(y, from, width))));
    }

    @Override
    void rowGradient(float[] t, float[] y, int p, int width, double scale, float[] grad) {
        int from = p * width;
        int k = from + label(t, p, width);
        if (config.fromLogits()) {
            double lse = Softmax.logSumExp(y, from, width);
            for (int j = from; j < from + width; j++) {
                grad[j] = (float) (scale * (Math.exp(y[j] - lse) - (j == k ? 1.0 : 0.0)));
            }
            return;
        }
        // loss = -log q_k with q = y / Σy: ∂loss/∂y_j = g·(δ_jk - q_k) / Σy, g = -1/q_k inside the clip.
        double sum = rowSum(y, from, width);
        float q = (float) (y[k] / sum);
        double g = Epsilon.insideProbabilityClip(q) ? -1.0 / q : 0.0;
        for (int j = from; j < from + width; j++) {
            grad[j] = (float) (scale * g * ((j == k ? 1.0 : 0.0) - q) / sum);
        }
    }

    /** The label of position {@code p}, checked to be an integer class index. */
    private int label(float[] t, int p, int classes) {
        float label = t[p];
        if (!(label >= 0 && label < classes) || label != Math.rint(label)) {
            throw new IllegalArgumentException(name() + ": label of row " + p + " is " + label
                    + ", expected an integer in [0, " + classes + ")");
        }
        return (int) label;
    }
}
