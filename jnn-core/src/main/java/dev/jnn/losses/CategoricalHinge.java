package dev.jnn.losses;

/**
 * Keras's {@code CategoricalHinge}: with {@code pos = Σ t·y} and {@code neg = max((1 - t)·y)} over
 * the last axis, {@code loss = max(neg - pos + 1, 0)}. Labels are one-hot, in {0, 1} or {-1, 1}.
 *
 * <p>When several classes share the maximum of {@code (1 - t)·y}, the gradient of {@code max} is
 * split equally between them, as TensorFlow's and JAX's {@code reduce_max} do.
 *
 * <pre>{@code
 * Loss categoricalHinge = new CategoricalHinge();   // or Losses.get("categorical_hinge")
 * float value = categoricalHinge.compute(oneHot, yPred, null, null);
 * }</pre>
 */
public final class CategoricalHinge extends RowwiseLoss {
    /** The loss, named {@code "categorical_hinge"} as in Keras. */
    public CategoricalHinge() {
        super("categorical_hinge");
    }

    @Override
    double rowValue(float[] t, float[] y, int p, int width) {
        int from = p * width;
        return Math.max(negative(t, y, from, width) - positive(t, y, from, width) + 1.0, 0.0);
    }

    @Override
    void rowGradient(float[] t, float[] y, int p, int width, double scale, float[] grad) {
        int from = p * width;
        double neg = negative(t, y, from, width);
        boolean active = neg - positive(t, y, from, width) + 1.0 >= 0.0;
        int ties = 0;
        for (int j = from; j < from + width; j++) {
            if ((1.0 - t[j]) * y[j] == neg) {
                ties++;
            }
        }
        for (int j = from; j < from + width; j++) {
            double d = 0.0;
            if (active) {
                double share = (1.0 - t[j]) * y[j] == neg ? 1.0 / ties : 0.0;
                d = (1.0 - t[j]) * share - t[j];
            }
            grad[j] = (float) (scale * d);
        }
    }

    private static double positive(float[] t, float[] y, int from, int width) {
        double pos = 0;
        for (int j = from; j < from + width; j++) {
            pos += (double) t[j] * y[j];
        }
        return pos;
    }

    private static double negative(float[] t, float[] y, int from, int width) {
        double neg = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + width; j++) {
            neg = Math.max(neg, (1.0 - t[j]) * y[j]);
        }
        return neg;
    }
}
