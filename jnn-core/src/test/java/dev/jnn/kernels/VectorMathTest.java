package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Accuracy sweeps of the vector transcendentals against {@link Math} in double: every function is
 * evaluated on a dense grid of its range and the worst relative error must stay within a few float
 * ulps (float's ulp is 6e-8 to 1.2e-7 relative). The bounds are those promised in the kernel docs.
 */
class VectorMathTest {
    private static final int POINTS = 20_011;
    private final Elementwise vector = new VectorElementwise();

    private interface Kernel {
        void run(float[] x, float[] y);
    }

    private static void assertRelativeError(String name, Kernel kernel, DoubleUnaryOperator reference,
                                            double low, double high, double bound) {
        var x = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = (float) (low + (high - low) * i / (POINTS - 1));
        }
        var y = new float[POINTS];
        kernel.run(x, y);
        for (int i = 0; i < POINTS; i++) {
            double expected = reference.applyAsDouble(x[i]);
            double error = Math.abs(y[i] - expected) / Math.max(Math.abs(expected), Float.MIN_NORMAL);
            if (!(error <= bound)) {
                fail(String.format("%s(%.9g) = %.9g, double reference %.12g: relative error %.3g > %.3g",
                        name, x[i], y[i], expected, error, bound));
            }
        }
    }

    @Test
    void expIsWithinTwoUlpsOverItsNormalRange() {
        assertRelativeError("exp", (x, y) -> vector.exp(x, 0, y, 0, x.length), Math::exp, -87, 88.7, 2e-7);
        assertRelativeError("exp", (x, y) -> vector.exp(x, 0, y, 0, x.length), Math::exp, -1, 1, 2e-7);
    }

    @Test
    void sigmoidAndTanhAreWithin2e7() {
        assertRelativeError("sigmoid", (x, y) -> vector.sigmoid(x, 0, y, 0, x.length),
                t -> 1 / (1 + Math.exp(-t)), -20, 20, 2e-7);
        assertRelativeError("sigmoid", (x, y) -> vector.sigmoid(x, 0, y, 0, x.length),
                t -> 1 / (1 + Math.exp(-t)), -87, 87, 2e-7);
        assertRelativeError("tanh", (x, y) -> vector.tanh(x, 0, y, 0, x.length), Math::tanh, -20, 20, 2e-7);
        // Near 0 tanh(x) ≈ x: a formula like 1 - 2/(e^2x + 1) would lose every digit here.
        assertRelativeError("tanh", (x, y) -> vector.tanh(x, 0, y, 0, x.length), Math::tanh, -1e-3, 1e-3, 2e-7);
        assertRelativeError("tanh", (x, y) -> vector.tanh(x, 0, y, 0, x.length), Math::tanh, -1e-30, 1e-30, 2e-7);
    }

    @Test
    void siluIsWithin3e7() {
        // One more rounding (x · sigmoid) than sigmoid itself.
        assertRelativeError("silu", (x, y) -> vector.silu(x, 0, y, 0, x.length),
                t -> t / (1 + Math.exp(-t)), -20, 20, 3e-7);
    }

    @Test
    void eluUsesAnAccurateExpm1() {
        assertRelativeError("elu", (x, y) -> vector.elu(1f, x, 0, y, 0, x.length),
                t -> t > 0 ? t : Math.expm1(t), -30, 1, 2e-7);
        // exp(x) - 1 would have relative error ~1e-4 at x = -1e-3.
        assertRelativeError("elu", (x, y) -> vector.elu(1f, x, 0, y, 0, x.length),
                t -> t > 0 ? t : Math.expm1(t), -1e-3, 0, 2e-7);
    }

    @Test
    void logIsWithin2e7() {
        assertRelativeError("log", (x, y) -> vector.log(x, 0, y, 0, x.length), Math::log, 1e-3, 1e3, 2e-7);
        assertRelativeError("log", (x, y) -> vector.log(x, 0, y, 0, x.length), Math::log, 0.5, 2, 2e-7);
        assertRelativeError("log", (x, y) -> vector.log(x, 0, y, 0, x.length), Math::log, 1e-37, 1e-30, 2e-7);
        assertRelativeError("log", (x, y) -> vector.log(x, 0, y, 0, x.length), Math::log, 1e30, 3e38, 2e-7);
    }
}
