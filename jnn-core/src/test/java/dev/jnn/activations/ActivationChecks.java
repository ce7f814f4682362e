package dev.jnn.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jnn.testing.GradientCheck;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Shared assertions for the activation tests: Keras values, a double formula, gradients. */
final class ActivationChecks {
    /**
     * The input of every element-wise Keras reference: negatives, zero, a value just below zero, the
     * kinks of relu6 / hard_sigmoid, and large ±values.
     */
    static final float[] KERAS_X = {
            -20f, -5f, -3f, -2.5f, -1f, -0.5f, -0.001f, 0f, 0.5f, 1f, 2.5f, 3f, 5f, 6.5f, 20f};

    /** Gradient-check points, kept at least 0.1 away from every kink (0, ±3, 6, relu thresholds). */
    static final float[] GRADIENT_X = {
            -6.2f, -4.3f, -2.7f, -1.3f, -0.6f, -0.2f, 0.3f, 0.7f, 1.4f, 2.6f, 4.2f, 7.1f};

    private ActivationChecks() {
    }

    static float[] forward(ActivationFunction f, float[] x, int rows, int cols) {
        var y = new float[x.length];
        f.forward(x, y, rows, cols);
        return y;
    }

    static float[] forward(ActivationFunction f, float[] x) {
        return forward(f, x, 1, x.length);
    }

    /** Asserts {@code f(x)} matches values printed by real Keras, to float32 rounding. */
    static void assertMatchesKeras(ActivationFunction f, float[] x, float[] expected, int rows, int cols) {
        // Keras computes in float32 (with its own rounding) and we in double, so allow a few ulps plus
        // an absolute 1e-7 for outputs that are tiny differences of O(1) numbers in Keras.
        assertMatchesKeras(f, x, expected, rows, cols, 1e-7);
    }

    /** As above with an explicit absolute tolerance, for functions where Keras's float32 cancels. */
    static void assertMatchesKeras(ActivationFunction f, float[] x, float[] expected, int rows, int cols,
                                   double absoluteTolerance) {
        float[] y = forward(f, x, rows, cols);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = absoluteTolerance + 2e-6 * Math.abs(expected[i]);
            if (!(Math.abs(y[i] - expected[i]) <= tolerance)) {
                fail(String.format("%s(%s)[%d]: got %.9g, Keras gives %.9g", f.name(), x[i], i, y[i], expected[i]));
            }
        }
    }

    static void assertMatchesKeras(ActivationFunction f, float[] expected) {
        assertMatchesKeras(f, KERAS_X, expected, 1, KERAS_X.length);
    }

    /**
     * Asserts {@code f} agrees with a formula evaluated in double on the Keras inputs and on 200
     * seeded random values in {@code [-12, 12]}.
     */
    static void assertMatchesFormula(ActivationFunction f, DoubleUnaryOperator formula) {
        var random = new Random(7);
        var x = new float[KERAS_X.length + 200];
        System.arraycopy(KERAS_X, 0, x, 0, KERAS_X.length);
        for (int i = KERAS_X.length; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 24 - 12);
        }
        float[] y = forward(f, x);
        for (int i = 0; i < x.length; i++) {
            double expected = formula.applyAsDouble(x[i]);
            double tolerance = 1e-12 + 1e-6 * Math.abs(expected);
            if (!(Math.abs(y[i] - expected) <= tolerance)) {
                fail(String.format("%s(%.9g): got %.9g, formula gives %.12g", f.name(), x[i], y[i], expected));
            }
        }
    }

    /**
     * Checks {@code backward} against central differences of {@code L(x) = Σ dy · f(x)} for a seeded
     * random {@code dy}, i.e. checks {@code Jᵀ·dy} for both element-wise and row-wise functions; also
     * checks that {@code dx} may alias {@code dy}.
     */
    static void assertGradient(ActivationFunction f, float[] x, int rows, int cols) {
        var random = new Random(11);
        var dy = new float[x.length];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) (random.nextDouble() * 2 - 1);
        }
        var point = x.clone();
        float[] y = forward(f, point, rows, cols);
        var dx = new float[x.length];
        f.backward(point, y, dy, dx, rows, cols);
        GradientCheck.assertGradient(f.name() + " " + f.config(), point, dx, p -> {
            float[] out = forward(f, p, rows, cols);
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                sum += (double) dy[i] * out[i];
            }
            return sum;
        }, 1e-3, 1e-2);

        var aliased = dy.clone();
        f.backward(point, y, aliased, aliased, rows, cols);
        assertArrayEquals(dx, aliased, f.name() + ": backward with dx aliasing dy");
    }

    static void assertGradient(ActivationFunction f) {
        assertGradient(f, GRADIENT_X, 1, GRADIENT_X.length);
    }
}
