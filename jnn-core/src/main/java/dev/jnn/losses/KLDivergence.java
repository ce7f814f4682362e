package dev.jnn.losses;

/**
 * Keras's {@code KLDivergence}: with both sides clipped to {@code [1e-7, 1]},
 * {@code loss = Σ t·log(t / y)} over the last axis (a sum, not a mean).
 *
 * <p>{@code ∂/∂y = -t / y} inside the clip, 0 outside.
 *
 * <pre>{@code
 * Loss kld = new KLDivergence();                   // or Losses.get("kld")
 * float value = kld.compute(trueDistribution, predictedDistribution, null, null);
 * }</pre>
 */
public final class KLDivergence extends RowwiseLoss {
    /** The loss, named {@code "kl_divergence"} as in Keras. */
    public KLDivergence() {
        super("kl_divergence");
    }

    @Override
    double rowValue(float[] t, float[] y, int p, int width) {
        double loss = 0;
        for (int j = p * width; j < (p + 1) * width; j++) {
            double target = clip(t[j]);
            loss += target * Math.log(target / clip(y[j]));
        }
        return loss;
    }

    @Override
    void rowGradient(float[] t, float[] y, int p, int width, double scale, float[] grad) {
        for (int j = p * width; j < (p + 1) * width; j++) {
            boolean inside = y[j] >= Epsilon.VALUE && y[j] <= 1f;
            grad[j] = inside ? (float) (-scale * clip(t[j]) / y[j]) : 0f;
        }
    }

    private static float clip(float x) {
        return Math.min(Math.max(x, Epsilon.VALUE), 1f);
    }
}
