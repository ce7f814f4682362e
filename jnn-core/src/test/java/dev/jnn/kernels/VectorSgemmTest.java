package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.kernels.SgemmOracle.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VectorSgemm against the double-precision oracle and against ScalarSgemm, for every layout, with
 * and without accumulation, on shapes chosen to hit every edge: sizes around the vector width and
 * the micro-tile (MR rows, NR columns), K blocks, outer blocks, the small path and the threaded path.
 */
class VectorSgemmTest {
    private static final Sgemm VECTOR = new VectorSgemm();
    private static final Sgemm SCALAR = new ScalarSgemm();
    /** Thresholds so low that modest shapes go through the pool and through several outer blocks. */
    private static final Sgemm VECTOR_TINY_BLOCKS = new VectorSgemm(1, 4096);

    private static final int[][] SHAPES = {
            {1, 1, 1}, {7, 7, 7}, {8, 8, 8}, {15, 15, 15}, {16, 16, 16}, {17, 17, 17},
            {31, 17, 23}, {33, 65, 47}, {4, 2, 8}, {32, 1, 8}, {1, 784, 10}, {200, 1, 3},
            {0, 5, 7}, {5, 0, 7}, {5, 7, 0}, {1, 300, 1}, {1, 64, 300}, {300, 64, 1},
            {12, 256, 32}, {24, 257, 64}, {13, 513, 33}, {100, 20, 5}, {2, 3, 2}, {8, 4, 8},
            {200, 300, 129},   // above PARALLEL_WORK: threaded
            {128, 130, 160},   // above PARALLEL_WORK, 128 rows = 10 full row panels + 8
            {9, 1100, 20},     // K above KC_SINGLE: K blocks
            {37, 2049, 18},    // 9 K blocks of 228, the last one 225
    };

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : SHAPES) {
            for (Layout layout : Layout.values()) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    cases.add(Arguments.of(layout, shape[0], shape[1], shape[2], accumulate));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3} accumulate={4}")
    @MethodSource("cases")
    void matchesOracleAndScalar(Layout layout, int m, int k, int n, boolean accumulate) {
        var random = new Random(31L * m + 17L * k + n);
        float[] a = SgemmOracle.random(random, m * k);
        float[] b = SgemmOracle.random(random, k * n);
        float[] c0 = SgemmOracle.random(random, m * n + 5);   // 5 sentinels past the end of C
        for (var sgemm : List.of(VECTOR, SCALAR, VECTOR_TINY_BLOCKS)) {
            float[] c = c0.clone();
            SgemmOracle.call(sgemm, layout, a, b, c, m, k, n, accumulate);
            SgemmOracle.assertProduct(sgemm.toString(), layout, a, b, c0, c, m, k, n, accumulate);
        }
    }

    @Test
    void exactOnSmallIntegers() {
        // Integers with exact float products and sums: every summation order gives the same bits,
        // so the vector result must equal the scalar one exactly, on shapes of every path.
        for (int[] shape : new int[][] {{4, 2, 8}, {31, 17, 23}, {33, 65, 47}, {200, 300, 129}}) {
            int m = shape[0], k = shape[1], n = shape[2];
            var random = new Random(7);
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(9) - 4;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(9) - 4;
            }
            for (Layout layout : Layout.values()) {
                float[] expected = new float[m * n];
                float[] actual = new float[m * n];
                SgemmOracle.call(SCALAR, layout, a, b, expected, m, k, n, false);
                SgemmOracle.call(VECTOR, layout, a, b, actual, m, k, n, false);
                assertArrayEquals(expected, actual, layout + " " + m + "x" + k + "x" + n);
            }
        }
    }

    @Test
    void rowsDoNotDependOnBatchSizePathOrThreads() {
        // Every C element is the same multiply-add chain whatever computes it, so rows of C computed
        // in batches (blocked path for 32 rows, direct path for 1 row or a 6-row tail of a tiny
        // product) must equal, bit for bit, the rows of one big product; also with threads and
        // outer blocks (VECTOR_TINY_BLOCKS), with accumulation, and with K longer than one K block
        // (k = 1100 > KC_SINGLE).
        int m = 70;
        for (int k : new int[] {3, 37, 300, 1100}) {
            for (int n : new int[] {5, 33}) {
                var random = new Random(k * 100L + n);
                for (Layout layout : Layout.values()) {
                    float[] a = SgemmOracle.random(random, m * k);
                    float[] b = SgemmOracle.random(random, k * n);
                    float[] c0 = SgemmOracle.random(random, m * n);
                    for (boolean accumulate : new boolean[] {false, true}) {
                        float[] whole = c0.clone();
                        SgemmOracle.call(VECTOR, layout, a, b, whole, m, k, n, accumulate);
                        float[] threaded = c0.clone();
                        SgemmOracle.call(VECTOR_TINY_BLOCKS, layout, a, b, threaded, m, k, n, accumulate);
                        assertArrayEquals(whole, threaded, layout + " threaded k=" + k + " n=" + n);
                        for (int batch : new int[] {32, 1}) {
                            for (int r0 = 0; r0 < m; r0 += batch) {
                                int rows = Math.min(batch, m - r0);
                                float[] part = rowsOfOpA(layout, a, m, k, r0, rows);
                                float[] c = Arrays.copyOfRange(c0, r0 * n, (r0 + rows) * n);
                                SgemmOracle.call(VECTOR, layout, part, b, c, rows, k, n, accumulate);
                                assertArrayEquals(Arrays.copyOfRange(whole, r0 * n, (r0 + rows) * n), c,
                                        layout + " rows " + r0 + ".." + (r0 + rows) + " k=" + k + " n=" + n);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Rows r0..r0+rows of op(A), stored the way the layout stores A. */
    private static float[] rowsOfOpA(Layout layout, float[] a, int m, int k, int r0, int rows) {
        if (layout != Layout.ATB) {
            return Arrays.copyOfRange(a, r0 * k, (r0 + rows) * k);
        }
        float[] part = new float[k * rows];
        for (int p = 0; p < k; p++) {
            System.arraycopy(a, p * m + r0, part, p * rows, rows);
        }
        return part;
    }

    @Test
    void matmulBiasIsTheProductThenBiasThenRelu() {
        // Bit for bit the product followed by a separate bias add and ReLU (SgemmEpilogue), on every
        // path: direct, blocked with partial row and column panels, K blocks, threads and outer
        // blocks; with and without bias and ReLU. Against the scalar twin within the float bound.
        int[][] shapes = {{1, 1, 1}, {7, 7, 7}, {17, 17, 17}, {31, 17, 23}, {4, 2, 8}, {1, 784, 10},
                {33, 65, 47}, {13, 513, 33}, {128, 130, 160}, {200, 300, 129}, {64, 256, 16}, {5, 1300, 17}};
        for (int[] shape : shapes) {
            int m = shape[0], k = shape[1], n = shape[2];
            var random = new Random(13L * m + 7L * k + n);
            float[] a = SgemmOracle.random(random, m * k);
            float[] b = SgemmOracle.random(random, k * n);
            float[] bias = SgemmOracle.random(random, n + 3);   // longer than n: only n values are used
            for (float[] biasOrNull : new float[][] {bias, null}) {
                for (boolean relu : new boolean[] {false, true}) {
                    String what = m + "x" + k + "x" + n + " bias=" + (biasOrNull != null) + " relu=" + relu;
                    float[] expected = new float[m * n];
                    VECTOR.matmul(a, b, expected, m, k, n, false);
                    for (int i = 0; i < m; i++) {
                        SgemmEpilogue.row(expected, i * n, biasOrNull, 0, n, relu);
                    }
                    for (var sgemm : List.of(VECTOR, VECTOR_TINY_BLOCKS)) {
                        float[] c = SgemmOracle.random(random, m * n + 5);
                        float[] sentinels = Arrays.copyOfRange(c, m * n, m * n + 5);
                        sgemm.matmulBias(a, b, biasOrNull, c, m, k, n, relu);
                        assertArrayEquals(expected, Arrays.copyOf(c, m * n), sgemm + " " + what);
                        assertArrayEquals(sentinels, Arrays.copyOfRange(c, m * n, m * n + 5), "past C: " + what);
                    }
                    float[] scalar = new float[m * n];
                    SCALAR.matmulBias(a, b, biasOrNull, scalar, m, k, n, relu);
                    float[] product = new float[m * n];
                    SCALAR.matmul(a, b, product, m, k, n, false);
                    for (int i = 0; i < m * n; i++) {
                        float z = product[i] + (biasOrNull == null ? 0f : biasOrNull[i % n]);
                        float want = relu ? Math.max(z, 0f) : z;
                        assertEquals(want, scalar[i], 0f, "scalar twin " + what + " at " + i);
                        assertEquals(scalar[i], expected[i], (k + 2) * 2 * Math.ulp(1f) * (k + 1), "vs scalar " + what);
                    }
                }
            }
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.matmulBias(new float[6], new float[6], new float[1], new float[4], 2, 3, 2, true));
        assertTrue(e.getMessage().contains("bias has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SCALAR.matmulBias(new float[6], new float[6], new float[1], new float[4], 2, 3, 2, true));
        assertTrue(e.getMessage().contains("bias has 1"), e.getMessage());
    }

    @Test
    void accumulateAddsToExistingC() {
        // C starts at 100; A = ones(20×40), B = ones(40×50) so A·B = 40 everywhere.
        int m = 20, k = 40, n = 50;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        Arrays.fill(a, 1f);
        Arrays.fill(b, 1f);
        for (Layout layout : Layout.values()) {
            float[] c = new float[m * n];
            Arrays.fill(c, 100f);
            SgemmOracle.call(VECTOR, layout, a, b, c, m, k, n, true);
            for (float v : c) {
                assertEquals(140f, v, 0f, layout.toString());
            }
            SgemmOracle.call(VECTOR, layout, a, b, c, m, k, n, false);
            for (float v : c) {
                assertEquals(40f, v, 0f, layout.toString());
            }
        }
    }

    @Test
    void emptyInnerDimensionClearsOrKeepsC() {
        float[] c = {3f, 4f, 5f, 6f};
        VECTOR.matmul(new float[0], new float[0], c, 2, 0, 2, true);
        assertArrayEquals(new float[] {3f, 4f, 5f, 6f}, c);
        VECTOR.matmul(new float[0], new float[0], c, 2, 0, 2, false);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void namesBadArguments() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.matmul(new float[5], new float[6], new float[4], 2, 3, 2, false));
        assertTrue(e.getMessage().contains("a has 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.matmul(new float[6], new float[6], new float[4], -2, 3, 2, false));
        assertTrue(e.getMessage().contains("m=-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.matmulTransposeB(new float[6], new float[6], new float[3], 2, 3, 2, false));
        assertTrue(e.getMessage().contains("c has 3"), e.getMessage());
    }

    @Test
    void onlyTinyProductsSkipPacking() {
        assertTrue(VectorSgemm.direct(4, 2, 8));
        assertTrue(VectorSgemm.direct(5, 0, 7));
        assertTrue(VectorSgemm.direct(1, 255, 1));
        assertFalse(VectorSgemm.direct(1, 784, 128));
        assertFalse(VectorSgemm.direct(128, 784, 1));
        assertFalse(VectorSgemm.direct(8, 4, 8));
        assertFalse(VectorSgemm.direct(2, 784, 2));
    }

    @Test
    void microTileMatchesTheVectorWidth() {
        // NR is two vectors; MR is 12 with 16+ lanes, 4 otherwise (register budget).
        assertEquals(2 * SgemmMicroKernel.LANES, SgemmMicroKernel.NR);
        assertEquals(SgemmMicroKernel.LANES >= 16 ? 12 : 4, SgemmMicroKernel.MR);
        assertEquals(0, VectorSgemm.MC % SgemmMicroKernel.MR);
    }
}
