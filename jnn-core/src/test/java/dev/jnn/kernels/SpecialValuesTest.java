package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaN, infinities, signed zeros, subnormals and the overflow edges, for both backends. Each input
 * is placed in the middle of an array of ordinary values so that the vector backend meets it inside
 * a full vector, not only in the tail.
 */
class SpecialValuesTest {
    static List<Elementwise> backends() {
        return List.of(new ScalarElementwise(), new VectorElementwise());
    }

    private interface Call {
        void run(Elementwise k, float[] x, float[] y);
    }

    /** The result of {@code call} at {@code value}, surrounded by 1s on 20 lanes either side. */
    private static float at(Elementwise k, Call call, float value) {
        var x = new float[41];
        java.util.Arrays.fill(x, 1f);
        x[20] = value;
        var y = new float[41];
        call.run(k, x, y);
        return y[20];
    }

    private static final Call EXP = (k, x, y) -> k.exp(x, 0, y, 0, x.length);
    private static final Call LOG = (k, x, y) -> k.log(x, 0, y, 0, x.length);
    private static final Call SIGMOID = (k, x, y) -> k.sigmoid(x, 0, y, 0, x.length);
    private static final Call TANH = (k, x, y) -> k.tanh(x, 0, y, 0, x.length);
    private static final Call RELU = (k, x, y) -> k.relu(x, 0, y, 0, x.length);

    private static void assertBits(float expected, float actual, String what) {
        assertEquals(Float.floatToRawIntBits(expected) == Float.floatToRawIntBits(actual) || (expected != expected
                && actual != actual), true, what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void expOverflowsToInfinityAndUnderflowsThroughSubnormalsToZero(Elementwise k) {
        assertTrue(Float.isNaN(at(k, EXP, Float.NaN)));
        assertBits(Float.POSITIVE_INFINITY, at(k, EXP, Float.POSITIVE_INFINITY), "exp(+inf)");
        assertBits(0f, at(k, EXP, Float.NEGATIVE_INFINITY), "exp(-inf)");
        assertBits(Float.POSITIVE_INFINITY, at(k, EXP, 89f), "exp(89)");
        assertBits(0f, at(k, EXP, -120f), "exp(-120)");
        assertBits(1f, at(k, EXP, 0f), "exp(0)");
        assertBits(1f, at(k, EXP, -0f), "exp(-0)");
        // Largest finite result and subnormal results: within one float ulp of the rounded double.
        for (float x : new float[] {88.72f, -87.5f, -90f, -100f, -103f}) {
            float expected = (float) Math.exp(x);
            float actual = at(k, EXP, x);
            assertEquals(expected, actual, Math.ulp(expected), "exp(" + x + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void logHandlesZeroNegativeSubnormalAndInfinity(Elementwise k) {
        assertBits(Float.NEGATIVE_INFINITY, at(k, LOG, 0f), "log(0)");
        assertBits(Float.NEGATIVE_INFINITY, at(k, LOG, -0f), "log(-0)");
        assertTrue(Float.isNaN(at(k, LOG, -1f)), "log(-1)");
        assertTrue(Float.isNaN(at(k, LOG, Float.NaN)), "log(NaN)");
        assertBits(Float.POSITIVE_INFINITY, at(k, LOG, Float.POSITIVE_INFINITY), "log(+inf)");
        assertBits(0f, at(k, LOG, 1f), "log(1)");
        assertEquals((float) Math.log(Float.MIN_VALUE), at(k, LOG, Float.MIN_VALUE), 1e-5f, "log(MIN_VALUE)");
        assertEquals((float) Math.log(Float.MAX_VALUE), at(k, LOG, Float.MAX_VALUE), 1e-5f, "log(MAX_VALUE)");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sigmoidSaturatesWithoutNaN(Elementwise k) {
        assertTrue(Float.isNaN(at(k, SIGMOID, Float.NaN)));
        assertBits(1f, at(k, SIGMOID, Float.POSITIVE_INFINITY), "sigmoid(+inf)");
        assertBits(0f, at(k, SIGMOID, Float.NEGATIVE_INFINITY), "sigmoid(-inf)");
        assertBits(1f, at(k, SIGMOID, 1000f), "sigmoid(1000)");
        assertBits(0f, at(k, SIGMOID, -1000f), "sigmoid(-1000)");
        assertBits(0.5f, at(k, SIGMOID, 0f), "sigmoid(0)");
        assertBits(0.5f, at(k, SIGMOID, -0f), "sigmoid(-0)");
        // Keras (torch) gives the subnormal exp(-100) here, as the activation tests check.
        assertBits((float) Math.exp(-100), at(k, SIGMOID, -100f), "sigmoid(-100)");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void tanhKeepsSignsAndTinyValues(Elementwise k) {
        assertTrue(Float.isNaN(at(k, TANH, Float.NaN)));
        assertBits(1f, at(k, TANH, Float.POSITIVE_INFINITY), "tanh(+inf)");
        assertBits(-1f, at(k, TANH, Float.NEGATIVE_INFINITY), "tanh(-inf)");
        assertBits(1f, at(k, TANH, 20f), "tanh(20)");
        assertBits(-1f, at(k, TANH, -20f), "tanh(-20)");
        assertBits(0f, at(k, TANH, 0f), "tanh(0)");
        assertBits(-0f, at(k, TANH, -0f), "tanh(-0)");
        assertBits(1e-30f, at(k, TANH, 1e-30f), "tanh(1e-30)");
        assertBits(-Float.MIN_VALUE, at(k, TANH, -Float.MIN_VALUE), "tanh(-MIN_VALUE)");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void reluPropagatesNaNAndClearsNegativeZero(Elementwise k) {
        assertTrue(Float.isNaN(at(k, RELU, Float.NaN)));
        assertBits(0f, at(k, RELU, -0f), "relu(-0)");
        assertBits(0f, at(k, RELU, Float.NEGATIVE_INFINITY), "relu(-inf)");
        assertBits(Float.POSITIVE_INFINITY, at(k, RELU, Float.POSITIVE_INFINITY), "relu(+inf)");
        // The derivative at NaN, 0 and -0 is 0: only x > 0 passes dy.
        var x = new float[] {Float.NaN, 0f, -0f, 2f, -2f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f};
        var dy = new float[x.length];
        java.util.Arrays.fill(dy, 3f);
        var dx = new float[x.length];
        k.reluBackward(x, 0, dy, 0, dx, 0, x.length);
        assertEquals(0f, dx[0]);
        assertEquals(0f, dx[1]);
        assertEquals(0f, dx[2]);
        assertEquals(3f, dx[3]);
        assertEquals(0f, dx[4]);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void softmaxHandlesHugeLogitsInfinitiesAndNaN(Elementwise k) {
        float[] x = {1000f, 1001f, 999f, -1000f, 0f, Float.NEGATIVE_INFINITY, 1f, 2f, Float.NaN};
        var y = new float[x.length];
        k.softmaxRows(x, 0, y, 0, 3, 3);
        // Keras 3.15.1 (torch backend): softmax([1000, 1001, 999]) = [0.244728476, 0.665240943, 0.0900305733].
        assertEquals(0.244728476f, y[0], 2e-7f);
        assertEquals(0.665240943f, y[1], 2e-7f);
        assertEquals(0.0900305733f, y[2], 2e-7f);
        assertBits(0f, y[3], "exp(-2000) underflows");
        assertEquals(1f, y[4]);
        assertBits(0f, y[5], "-inf logit");
        for (int i = 6; i < 9; i++) {
            assertTrue(Float.isNaN(y[i]), "a NaN logit makes its row NaN");
        }
    }
}
