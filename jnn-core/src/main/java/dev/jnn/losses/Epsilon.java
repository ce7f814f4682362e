package dev.jnn.losses;

/**
 * Keras's {@code backend.epsilon()} (1e-7) and the float32 clips built on it.
 *
 * <p>Keras clips probabilities to {@code [eps, 1 - eps]} before taking logs; the bound
 * {@code 1 - eps} is computed in double by Python and then rounded to float32 by the backend,
 * which this class reproduces. A clip passes the gradient through inside its range (bounds
 * included, as TensorFlow's {@code clip_by_value}) and blocks it outside.
 */
final class Epsilon {
    /** Keras's default fuzz factor. */
    static final float VALUE = 1e-7f;

    /** {@code 1 - 1e-7} rounded to float32, Keras's upper probability bound. */
    static final float ONE_MINUS = (float) (1.0 - 1e-7);

    private Epsilon() {
    }

    /** {@code min(max(x, eps), 1 - eps)}. */
    static float clipProbability(float x) {
        return Math.min(Math.max(x, VALUE), ONE_MINUS);
    }

    /** Whether the probability clip passes the gradient of {@code x} through. */
    static boolean insideProbabilityClip(float x) {
        return x >= VALUE && x <= ONE_MINUS;
    }
}
