package dev.jnn.losses;

import java.util.Collections;
import java.util.Map;

/**
 * Keras's {@code CosineSimilarity} along the last axis:
 * {@code loss = -Σ normalize(y_true)·normalize(y_pred)}, a value in [-1, 1] where -1 means the
 * vectors point the same way.
 *
 * <p>Keras normalises with {@code x · min(1/‖x‖, 1/1e-7)}, so a zero vector gives loss 0 instead of
 * NaN. Where the bound is not reached, {@code ∂/∂y = -(t̂/‖y‖ - (t̂·y)·y/‖y‖³)} with
 * {@code t̂ = normalize(t)}; where it is, the normalisation is linear ({@code ∂/∂y = -1e7·t̂}).
 * Only the last axis is supported ({@code axis = -1}, Keras's default).
 *
 * <pre>{@code
 * Loss cosine = new CosineSimilarity();            // or Losses.get("cosine_similarity")
 * float value = cosine.compute(yTrue, yPred, null, null);
 * }</pre>
 */
public final class CosineSimilarity extends RowwiseLoss {
    private static final double MAX_INVERSE_NORM = (float) (1.0 / 1e-7);

    /** The loss, named {@code "cosine_similarity"} as in Keras. */
    public CosineSimilarity() {
        super("cosine_similarity");
    }

    /** Keras's config keys; {@code axis} (always -1) is added, Keras 3 omits it. */
    @Override
    public Map<String, Object> config() {
        var c = baseConfig();
        c.put("axis", -1);
        return Collections.unmodifiableMap(c);
    }

    @Override
    double rowValue(float[] t, float[] y, int p, int width) {
        int from = p * width;
        return -inverseNorm(t, from, width) * inverseNorm(y, from, width) * dot(t, y, from, width);
    }

    @Override
    void rowGradient(float[] t, float[] y, int p, int width, double scale, float[] grad) {
        int from = p * width;
        double inverseT = inverseNorm(t, from, width);
        double squares = dot(y, y, from, width);
        double inverseY = inverseNorm(y, from, width);
        boolean bounded = inverseY >= MAX_INVERSE_NORM;
        double dot = dot(t, y, from, width);
        for (int j = from; j < from + width; j++) {
            double d = bounded
                    ? inverseY * t[j]
                    : inverseY * t[j] - dot * y[j] * inverseY / squares;
            grad[j] = (float) (-scale * inverseT * d);
        }
    }

    /** Keras's {@code min(rsqrt(Σx²), 1/epsilon)}. */
    private static double inverseNorm(float[] x, int from, int width) {
        return Math.min(1.0 / Math.sqrt(dot(x, x, from, width)), MAX_INVERSE_NORM);
    }

    private static double dot(float[] a, float[] b, int from, int width) {
        double sum = 0;
        for (int j = from; j < from + width; j++) {
            sum += (double) a[j] * b[j];
        }
        return sum;
    }
}
