package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against the scalar twin and against formulas written here in double, on
 * lengths around the vector width (8 or 16 lanes), with offsets into larger arrays whose other
 * values must stay untouched.
 */
class VectorElementwiseTest {
    static final int[] LENGTHS = {0, 1, 7, 8, 15, 16, 17, 31, 33, 1000};
    /** Offsets of (input, second input, output): none, and uneven ones so lanes are misaligned. */
    static final int[][] OFFSETS = {{0, 0, 0}, {3, 5, 1}};
    private static final float SENTINEL = -12345.5f;

    private final Elementwise vector = new VectorElementwise();
    private final Elementwise scalar = new ScalarElementwise();

    private interface UnaryCall {
        void run(Elementwise k, float[] x, int xOffset, float[] y, int yOffset, int length);
    }

    private interface BinaryCall {
        void run(Elementwise k, float[] a, int aOffset, float[] b, int bOffset, float[] y, int yOffset, int length);
    }

    private record Unary(String name, UnaryCall call, DoubleUnaryOperator reference, double low, double high,
                         double tolerance) {
    }

    private record Binary(String name, BinaryCall call, DoubleBinaryOperator reference, double low, double high,
                          double tolerance) {
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static final List<Unary> UNARY = List.of(
            new Unary("relu", Elementwise::relu, x -> x > 0 ? x : 0, -5, 5, 0),
            new Unary("sigmoid", Elementwise::sigmoid, VectorElementwiseTest::sigmoid, -30, 30, 2e-7),
            new Unary("tanh", Elementwise::tanh, Math::tanh, -12, 12, 2e-7),
            new Unary("silu", Elementwise::silu, x -> x * sigmoid(x), -30, 30, 3e-7),
            new Unary("elu(0.7)", (k, x, xo, y, yo, n) -> k.elu(0.7f, x, xo, y, yo, n),
                    x -> x > 0 ? x : (double) 0.7f * (Math.exp(x) - 1), -20, 5, 3e-7),
            new Unary("exp", Elementwise::exp, Math::exp, -87, 88, 2e-7),
            new Unary("log", Elementwise::log, Math::log, 1e-4, 1e4, 2e-7),
            new Unary("scale(-1.5)", (k, x, xo, y, yo, n) -> k.scale(-1.5f, x, xo, y, yo, n), x -> -1.5 * x, -9, 9,
                    6e-8));

    // The first operand is x (relu, silu, elu) or the forward output y (sigmoid, tanh); the second is dy.
    private static final List<Binary> BINARY = List.of(
            new Binary("reluBackward", Elementwise::reluBackward, (x, dy) -> x > 0 ? dy : 0, -3, 3, 0),
            new Binary("sigmoidBackward", Elementwise::sigmoidBackward, (y, dy) -> dy * y * (1 - y), 0, 1, 3e-7),
            new Binary("tanhBackward", Elementwise::tanhBackward, (y, dy) -> dy * (1 - y * y), -0.999, 0.999, 3e-7),
            new Binary("siluBackward", Elementwise::siluBackward,
                    (x, dy) -> dy * (sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x))), -12, 12, 5e-7),
            new Binary("eluBackward(0.7)", (k, x, xo, dy, dyo, dx, dxo, n) -> k.eluBackward(0.7f, x, xo, dy, dyo, dx, dxo, n),
                    (x, dy) -> x > 0 ? dy : dy * (double) 0.7f * Math.exp(x), -12, 3, 3e-7),
            new Binary("add", Elementwise::add, Double::sum, -9, 9, 6e-8),
            new Binary("multiply", Elementwise::multiply, (a, b) -> a * b, -9, 9, 6e-8));

    private static float[] random(Random random, int size, double low, double high) {
        var values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return values;
    }

    /** {@code length} random values at {@code offset} of a larger array padded with the sentinel. */
    private static float[] padded(float[] values, int offset) {
        var array = new float[offset + values.length + 4];
        Arrays.fill(array, SENTINEL);
        System.arraycopy(values, 0, array, offset, values.length);
        return array;
    }

    private static void assertClose(String what, double expected, float actual, double relative) {
        assertClose(what, expected, actual, relative, 1e-37);
    }

    private static void assertClose(String what, double expected, float actual, double relative, double absolute) {
        double tolerance = relative * Math.abs(expected) + absolute;
        if (!(Math.abs(actual - expected) <= tolerance)) {
            fail(String.format("%s: got %.9g, expected %.12g (tolerance %.3g)", what, actual, expected, tolerance));
        }
    }

    private static void assertPaddingUntouched(String what, float[] y, int offset, int length) {
        for (int i = 0; i < y.length; i++) {
            if ((i < offset || i >= offset + length) && y[i] != SENTINEL) {
                fail(what + ": wrote index " + i + " outside [" + offset + ", " + (offset + length) + ")");
            }
        }
    }

    @Test
    void unaryOperationsMatchReferenceAndScalarTwin() {
        var random = new Random(42);
        for (Unary op : UNARY) {
            for (int length : LENGTHS) {
                for (int[] offsets : OFFSETS) {
                    float[] x = padded(random(random, length, op.low, op.high), offsets[0]);
                    float[] fast = padded(new float[length], offsets[2]);
                    float[] slow = fast.clone();
                    Arrays.fill(fast, offsets[2], offsets[2] + length, SENTINEL);
                    op.call.run(vector, x, offsets[0], fast, offsets[2], length);
                    op.call.run(scalar, x, offsets[0], slow, offsets[2], length);
                    String what = op.name + " length " + length + " offset " + offsets[0];
                    assertPaddingUntouched(what, fast, offsets[2], length);
                    for (int i = 0; i < length; i++) {
                        double expected = op.reference.applyAsDouble(x[offsets[0] + i]);
                        String at = what + " at x=" + x[offsets[0] + i];
                        assertClose(at + " (vector)", expected, fast[offsets[2] + i], op.tolerance + 6e-8);
                        assertClose(at + " (scalar)", expected, slow[offsets[2] + i], 6e-8);
                        assertClose(at + " (vector vs scalar)", slow[offsets[2] + i], fast[offsets[2] + i],
                                op.tolerance + 1.2e-7);
                    }
                }
            }
        }
    }

    /**
     * A value's result must not depend on where it sits (in full lanes or in the tail, at any
     * alignment): a batch cut into row tasks at rows that are not multiples of the width then gives
     * every sample the bits of the uncut call. The old scalar tails broke this for every exp-based
     * kernel (an LSTM(136) on 16 lanes gave sample 0 different bits in a cut batch).
     */
    @Test
    void aValuesResultDoesNotDependOnItsPosition() {
        var random = new Random(44);
        int n = 53;
        for (Unary op : UNARY) {
            float[] x = random(random, n, op.low, op.high);
            if (op.name.equals("log")) {
                x[20] = 0f;        // special values take Math.log in their lane only
                x[21] = -1f;
            }
            assertPositionFree(op.name, x, null, (k, a, b, y, from, length) -> op.call.run(k, a, from, y, 0, length));
        }
        for (Binary op : BINARY) {
            float[] a = random(random, n, op.low, op.high);
            float[] b = random(random, n, -2, 2);
            assertPositionFree(op.name, a, b,
                    (k, x, dy, y, from, length) -> op.call.run(k, x, from, dy, from, y, 0, length));
        }
    }

    private interface SliceCall {
        void run(Elementwise k, float[] a, float[] b, float[] y, int from, int length);
    }

    private void assertPositionFree(String name, float[] a, float[] b, SliceCall call) {
        int n = a.length;
        float[] whole = new float[n];
        call.run(vector, a, b, whole, 0, n);
        for (int from = 1; from <= 17; from++) {
            float[] part = new float[n - from];
            call.run(vector, a, b, part, from, n - from);
            for (int i = 0; i < part.length; i++) {
                assertEquals(Float.floatToRawIntBits(whole[from + i]), Float.floatToRawIntBits(part[i]),
                        name + " of x=" + a[from + i] + ": " + whole[from + i] + " at index " + (from + i)
                                + " of the whole array, " + part[i] + " at index " + i + " from " + from);
            }
        }
    }

    @Test
    void binaryOperationsMatchReferenceAndScalarTwin() {
        var random = new Random(43);
        for (Binary op : BINARY) {
            for (int length : LENGTHS) {
                for (int[] offsets : OFFSETS) {
                    float[] a = padded(random(random, length, op.low, op.high), offsets[0]);
                    float[] b = padded(random(random, length, -2, 2), offsets[1]);
                    float[] fast = padded(new float[length], offsets[2]);
                    Arrays.fill(fast, offsets[2], offsets[2] + length, SENTINEL);
                    float[] slow = fast.clone();
                    op.call.run(vector, a, offsets[0], b, offsets[1], fast, offsets[2], length);
                    op.call.run(scalar, a, offsets[0], b, offsets[1], slow, offsets[2], length);
                    String what = op.name + " length " + length + " offset " + offsets[0];
                    assertPaddingUntouched(what, fast, offsets[2], length);
                    for (int i = 0; i < length; i++) {
                        double expected = op.reference.applyAsDouble(a[offsets[0] + i], b[offsets[1] + i]);
                        String at = what + " at " + a[offsets[0] + i] + ", " + b[offsets[1] + i];
                        // Backward formulas such as silu's 1 + x(1 - s) cancel, so the error is bounded
                        // relative to the size of dy (the slopes are O(1)) rather than to the result.
                        double absolute = op.tolerance * Math.abs(b[offsets[1] + i]) + 1e-37;
                        assertClose(at + " (vector)", expected, fast[offsets[2] + i], op.tolerance + 6e-8, absolute);
                        assertClose(at + " (scalar)", expected, slow[offsets[2] + i], 6e-8, 6e-8 * Math.abs(b[offsets[1] + i]));
                    }
                }
            }
        }
    }

    @Test
    void linearAlgebraHelpersAreBitIdenticalToScalar() {
        var random = new Random(44);
        for (int length : LENGTHS) {
            float[] x = random(random, length + 3, -4, 4);
            float[] y = random(random, length + 2, -4, 4);
            float[] fast = y.clone();
            float[] slow = y.clone();
            vector.axpy(0.37f, x, 3, fast, 2, length);
            scalar.axpy(0.37f, x, 3, slow, 2, length);
            assertArrayEquals(slow, fast, "axpy length " + length);
            for (int i = 0; i < length; i++) {
                // Error relative to the terms, not the sum, which may cancel.
                assertClose("axpy", y[2 + i] + 0.37 * x[3 + i], slow[2 + i], 0,
                        1.2e-7 * (Math.abs(y[2 + i]) + Math.abs(x[3 + i])));
            }
            for (String op : List.of("scale", "add", "multiply")) {
                float[] f = new float[length + 1];
                float[] s = new float[length + 1];
                switch (op) {
                    case "scale" -> {
                        vector.scale(-2.5f, x, 3, f, 1, length);
                        scalar.scale(-2.5f, x, 3, s, 1, length);
                    }
                    case "add" -> {
                        vector.add(x, 3, y, 2, f, 1, length);
                        scalar.add(x, 3, y, 2, s, 1, length);
                    }
                    default -> {
                        vector.multiply(x, 3, y, 2, f, 1, length);
                        scalar.multiply(x, 3, y, 2, s, 1, length);
                    }
                }
                assertArrayEquals(s, f, op + " length " + length);
            }
        }
    }

    @Test
    void multiplyAddIsBitIdenticalToScalarAndStaysInRange() {
        var random = new Random(45);
        for (int length : LENGTHS) {
            float[] a = random(random, length + 3, -4, 4);
            float[] b = random(random, length + 5, -4, 4);
            float[] y = padded(random(random, length, -4, 4), 1);
            float[] fast = y.clone();
            float[] slow = y.clone();
            vector.multiplyAdd(a, 3, b, 5, fast, 1, length);
            scalar.multiplyAdd(a, 3, b, 5, slow, 1, length);
            assertArrayEquals(slow, fast, "multiplyAdd length " + length);
            assertPaddingUntouched("multiplyAdd", slow, 1, length);
            for (int i = 0; i < length; i++) {
                assertClose("multiplyAdd", y[1 + i] + (double) a[3 + i] * b[5 + i], slow[1 + i], 0,
                        1.2e-7 * (Math.abs(y[1 + i]) + Math.abs(a[3 + i] * b[5 + i])));
            }
        }
    }

    @Test
    void adamIsBitIdenticalToScalarAndFollowsKerasFormula() {
        var random = new Random(45);
        float alpha = 1e-3f * (float) Math.sqrt(1 - 0.999f) / (1 - 0.9f);
        for (int length : LENGTHS) {
            int offset = 2;
            float[] w = random(random, length + offset, -1, 1);
            float[] g = random(random, length + offset, -1, 1);
            float[] m = random(random, length + offset, -0.1, 0.1);
            float[] v = random(random, length + offset, 0, 0.01);
            float[] w2 = w.clone();
            float[] m2 = m.clone();
            float[] v2 = v.clone();
            float[] w3 = w.clone();
            float[] m3 = m.clone();
            float[] v3 = v.clone();
            vector.adam(w2, g, m2, v2, offset, length, alpha, 0.1f, 0.001f, 1e-7f);
            scalar.adam(w3, g, m3, v3, offset, length, alpha, 0.1f, 0.001f, 1e-7f);
            assertArrayEquals(w3, w2, "w, length " + length);
            assertArrayEquals(m3, m2, "m, length " + length);
            assertArrayEquals(v3, v2, "v, length " + length);
            for (int i = 0; i < offset; i++) {
                assertEquals(w[i], w2[i], "value before the offset must not change");
            }
            for (int i = offset; i < offset + length; i++) {
                double mi = m[i] + (g[i] - m[i]) * 0.1;
                double vi = v[i] + ((double) g[i] * g[i] - v[i]) * 0.001;
                double wi = w[i] - mi * alpha / (Math.sqrt(vi) + 1e-7);
                assertClose("adam m", mi, m3[i], 0, 2e-7 * (Math.abs(m[i]) + Math.abs(g[i])));
                assertClose("adam v", vi, v3[i], 2e-7);
                assertClose("adam w", wi, w3[i], 1e-6, 1e-7);
            }
        }
    }

    @Test
    void softmaxRowsSumToOneAndMatchReference() {
        var random = new Random(46);
        int[][] shapes = {{0, 5}, {3, 0}, {1, 1}, {4, 7}, {3, 8}, {3, 17}, {2, 33}, {3, 1000}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            float[] x = padded(random(random, rows * cols, -30, 30), 3);
            float[] fast = padded(new float[rows * cols], 1);
            float[] slow = fast.clone();
            Arrays.fill(fast, 1, 1 + rows * cols, SENTINEL);
            vector.softmaxRows(x, 3, fast, 1, rows, cols);
            scalar.softmaxRows(x, 3, slow, 1, rows, cols);
            assertPaddingUntouched("softmax " + rows + "x" + cols, fast, 1, rows * cols);
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < cols; c++) {
                    max = Math.max(max, x[3 + r * cols + c]);
                }
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    sum += Math.exp(x[3 + r * cols + c] - max);
                }
                double fastSum = 0;
                for (int c = 0; c < cols; c++) {
                    double expected = Math.exp(x[3 + r * cols + c] - max) / sum;
                    int at = 1 + r * cols + c;
                    // The logits span 60, so an uncorrected float x - max would cost up to 4e-6 here.
                    assertClose("softmax " + rows + "x" + cols + " (vector)", expected, fast[at], 6e-7);
                    assertClose("softmax " + rows + "x" + cols + " (scalar)", expected, slow[at], 1.2e-7);
                    fastSum += fast[at];
                }
                assertEquals(cols == 0 ? 0.0 : 1.0, fastSum, 1e-5, "row " + r + " of " + rows + "x" + cols + " sums to 1");
            }
        }
    }

    @Test
    void softmaxBackwardMatchesReference() {
        var random = new Random(47);
        int[][] shapes = {{1, 1}, {4, 7}, {3, 17}, {2, 33}, {2, 1000}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            int size = rows * cols;
            float[] y = new float[size + 2];
            scalar.softmaxRows(random(random, size, -3, 3), 0, y, 2, rows, cols);
            float[] dy = padded(random(random, size, -1, 1), 1);
            float[] fast = new float[size];
            float[] slow = new float[size];
            vector.softmaxRowsBackward(y, 2, dy, 1, fast, 0, rows, cols);
            scalar.softmaxRowsBackward(y, 2, dy, 1, slow, 0, rows, cols);
            for (int r = 0; r < rows; r++) {
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += (double) y[2 + r * cols + c] * dy[1 + r * cols + c];
                }
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    double expected = y[2 + i] * (dy[1 + i] - dot);
                    // Absolute tolerance: dy - dot cancels, so relative error is unbounded near zero.
                    assertEquals(expected, fast[i], 1e-6 * (1 + Math.abs(dot)) * y[2 + i] + 1e-12, "vector");
                    assertEquals(expected, slow[i], 1e-7 * Math.abs(expected) + 1e-12, "scalar");
                }
            }
        }
    }

    @Test
    void biasAddAndColumnSums() {
        var random = new Random(48);
        int[][] shapes = {{0, 3}, {2, 0}, {1, 1}, {5, 7}, {3, 16}, {4, 17}, {64, 33}, {2, 1000}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            float[] bias = padded(random(random, cols, -1, 1), 2);
            float[] y = padded(random(random, rows * cols, -1, 1), 1);
            float[] fast = y.clone();
            float[] slow = y.clone();
            vector.addBiasRows(bias, 2, fast, 1, rows, cols);
            scalar.addBiasRows(bias, 2, slow, 1, rows, cols);
            assertArrayEquals(slow, fast, "addBiasRows " + rows + "x" + cols);
            for (int i = 0; i < rows * cols; i++) {
                assertEquals(y[1 + i] + bias[2 + i % cols], slow[1 + i], 1.2e-7 * 2);
            }

            for (boolean accumulate : new boolean[] {false, true}) {
                float[] sumsFast = padded(random(random, cols, -1, 1), 3);
                float[] sumsSlow = sumsFast.clone();
                float[] before = sumsFast.clone();
                vector.columnSums(y, 1, sumsFast, 3, rows, cols, accumulate);
                scalar.columnSums(y, 1, sumsSlow, 3, rows, cols, accumulate);
                assertPaddingUntouched("columnSums", sumsFast, 3, cols);
                for (int c = 0; c < cols; c++) {
                    double expected = accumulate ? before[3 + c] : 0;
                    for (int r = 0; r < rows; r++) {
                        expected += y[1 + r * cols + c];
                    }
                    // Float accumulation over rows (values in [-1, 1]): error grows at most with rows.
                    assertEquals(expected, sumsFast[3 + c], 6e-8 * (rows + 1) * (rows + 1), "vector columnSums");
                    assertEquals(expected, sumsSlow[3 + c], 6e-8 * (1 + Math.abs(expected)), "scalar columnSums");
                }
            }
        }
    }

    @Test
    void inPlaceCallsGiveTheSameResults() {
        var random = new Random(49);
        float[] x = random(random, 37, -5, 5);
        for (Unary op : UNARY) {
            float[] input = op.name.equals("log") ? abs(x) : x;
            float[] separate = new float[input.length];
            op.call.run(vector, input, 0, separate, 0, input.length);
            float[] inPlace = input.clone();
            op.call.run(vector, inPlace, 0, inPlace, 0, inPlace.length);
            assertArrayEquals(separate, inPlace, op.name);
        }
        float[] separate = new float[x.length];
        vector.softmaxRows(x, 0, separate, 0, 1, x.length);
        float[] inPlace = x.clone();
        vector.softmaxRows(inPlace, 0, inPlace, 0, 1, x.length);
        assertArrayEquals(separate, inPlace, "softmax");
    }

    private static float[] abs(float[] x) {
        var out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]) + 1e-3f;
        }
        return out;
    }

    @Test
    void rangesThatDoNotFitAreRejectedBeforeWriting() {
        for (Elementwise k : List.of(vector, scalar)) {
            var y = new float[8];
            var e = assertThrows(IllegalArgumentException.class, () -> k.relu(new float[10], 3, y, 0, 8));
            assertEquals("x: offset 3 + length 8 does not fit in an array of length 10", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> k.sigmoid(new float[4], -1, y, 0, 2));
            assertThrows(IllegalArgumentException.class, () -> k.exp(new float[4], 0, y, 0, -1));
            assertThrows(IllegalArgumentException.class, () -> k.softmaxRows(new float[6], 0, y, 0, 2, 4));
            assertThrows(IllegalArgumentException.class, () -> k.columnSums(new float[6], 0, y, 0, -2, 3, false));
            assertThrows(IllegalArgumentException.class,
                    () -> k.adam(new float[4], new float[3], new float[4], new float[4], 0, 4, 1f, 0.1f, 0.1f, 1e-7f));
        }
    }
}
