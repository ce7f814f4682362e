package dev.jnn.optimizers;

/**
 * Keras's three gradient clippings, applied in place to gradient arrays.
 *
 * <ul>
 *   <li>{@code clipnorm}: {@code g = g * c / max(||g||, c)} for each gradient on its own
 *       ({@code tf.clip_by_norm}).</li>
 *   <li>{@code global_clipnorm}: {@code g = g * c * min(1/N, 1/c)} with {@code N} the L2 norm of all
 *       gradients together; a non-finite {@code N} turns every gradient into NaN, as in Keras.</li>
 *   <li>{@code clipvalue}: {@code g = clip(g, -c, c)}.</li>
 * </ul>
 */
final class GradientClipping {
    private GradientClipping() {
    }

    /** Rescales {@code grad} so that its L2 norm is at most {@code clipnorm}. */
    static void clipByNorm(float[] grad, float clipnorm) {
        // Sum in double: the norm of a large tensor would otherwise lose digits to float rounding.
        double sum = 0;
        for (float g : grad) {
            sum += (double) g * g;
        }
        float norm = (float) Math.sqrt(sum);
        float denominator = Math.max(norm, clipnorm);
        if (denominator == 0) {
            return;  // all-zero gradient and clipnorm 0: nothing to rescale (TF avoids 0/0 the same way)
        }
        for (int i = 0; i < grad.length; i++) {
            grad[i] = grad[i] * clipnorm / denominator;
        }
    }

    /** Rescales the first {@code count} gradients ({@code null} entries skipped) by one factor so that their joint L2 norm is at most {@code clipnorm}. */
    static void clipByGlobalNorm(float[][] grads, int count, float clipnorm) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            float[] grad = grads[k];
            if (grad == null) {
                continue;
            }
            for (float g : grad) {
                sum += (double) g * g;
            }
        }
        float norm = (float) Math.sqrt(sum);
        // (norm - norm) is 0 for a finite norm and NaN otherwise: Keras poisons the step rather than hide an overflow.
        float scale = clipnorm * Math.min(1f / norm, 1f / clipnorm) + (norm - norm);
        for (int k = 0; k < count; k++) {
            float[] grad = grads[k];
            if (grad == null) {
                continue;
            }
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= scale;
            }
        }
    }

    /** Clips each element of {@code grad} to {@code [-clipvalue, clipvalue]}. */
    static void clipByValue(float[] grad, float clipvalue) {
        for (int i = 0; i < grad.length; i++) {
            grad[i] = Math.min(Math.max(grad[i], -clipvalue), clipvalue);
        }
    }
}
