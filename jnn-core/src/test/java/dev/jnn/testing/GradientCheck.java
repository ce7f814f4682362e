package dev.jnn.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.ToDoubleFunction;

/**
 * Numerical gradient checks by central differences: {@code (f(x+h) - f(x-h)) / 2h}.
 *
 * <p>The function under test is computed by float32 code, so each probe perturbs one float and the
 * difference is taken in double. The comparison uses the relative error
 * {@code |a - n| / (|a| + |n|)} with an absolute floor for values near zero.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * Asserts that {@code analytic} is the gradient of {@code f} at {@code x} (which is perturbed in
     * place and restored).
     *
     * @param what      names the checked quantity in failure messages
     * @param x         the point; each element is perturbed in turn
     * @param analytic  the claimed gradient, same length as {@code x}
     * @param f         scalar function of the (perturbed) array
     * @param h         step, e.g. 1e-3
     * @param tolerance allowed relative error, e.g. 1e-2 for float32 code
     */
    public static void assertGradient(String what, float[] x, float[] analytic,
                                      ToDoubleFunction<float[]> f, double h, double tolerance) {
        if (x.length != analytic.length) {
            fail(what + ": gradient has " + analytic.length + " entries for " + x.length + " inputs");
        }
        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = (float) (saved + h);
            double plus = f.applyAsDouble(x);
            double hPlus = (double) x[i] - saved;
            x[i] = (float) (saved - h);
            double minus = f.applyAsDouble(x);
            double hMinus = saved - (double) x[i];
            x[i] = saved;
            double numeric = (plus - minus) / (hPlus + hMinus);
            double a = analytic[i];
            double denominator = Math.abs(a) + Math.abs(numeric);
            double error = denominator < 1e-3 ? Math.abs(a - numeric) : Math.abs(a - numeric) / denominator;
            if (!(error <= tolerance)) {
                fail(String.format("%s: d/dx[%d] analytic %.6g vs numeric %.6g (error %.3g > %.3g)",
                        what, i, a, numeric, error, tolerance));
            }
        }
    }
}
