package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Products with a pre-packed B ({@link Sgemm#pack}, {@link PackedMatrix}): against the double oracle
 * for both backends, bit for bit against the unpacked product of the same backend, with offsets into
 * A and C, and the packed values as a snapshot of B.
 */
class PackedSgemmTest {
    private static final Sgemm VECTOR = new VectorSgemm();
    private static final Sgemm SCALAR = new ScalarSgemm();
    /** Thresholds so low that modest shapes go through the pool. */
    private static final Sgemm VECTOR_THREADED = new VectorSgemm(1, 4096);

    private static final int[][] SHAPES = {
            {1, 1, 1}, {7, 7, 7}, {8, 8, 8}, {17, 17, 17}, {31, 17, 23}, {4, 2, 8}, {1, 784, 10},
            {33, 65, 47}, {2, 3, 2}, {0, 5, 7}, {5, 0, 7}, {5, 7, 0}, {13, 513, 33}, {64, 128, 512},
            {200, 300, 129}, {3, 257, 100}, {6, 1500, 40},
    };

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : SHAPES) {
            for (boolean transposeB : new boolean[] {false, true}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    cases.add(Arguments.of(shape[0], shape[1], shape[2], transposeB, accumulate));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transposeB={3} accumulate={4}")
    @MethodSource("cases")
    void matchesOracleAndTheUnpackedProduct(int m, int k, int n, boolean transposeB, boolean accumulate) {
        var random = new Random(31L * m + 17L * k + n + (transposeB ? 5 : 0));
        Layout layout = transposeB ? Layout.ABT : Layout.AB;
        int aOffset = 3;
        int cOffset = 5;
        float[] a = SgemmOracle.random(random, aOffset + m * k);
        float[] b = SgemmOracle.random(random, k * n);
        float[] c0 = SgemmOracle.random(random, cOffset + m * n + 4);
        float[] aAlone = Arrays.copyOfRange(a, aOffset, aOffset + m * k);
        float[] cAlone0 = Arrays.copyOfRange(c0, cOffset, c0.length);
        for (Sgemm sgemm : List.of(VECTOR, SCALAR, VECTOR_THREADED)) {
            PackedMatrix packed = new PackedMatrix();
            sgemm.pack(b, transposeB, k, n, packed);
            assertEquals(k, packed.rows());
            assertEquals(n, packed.cols());
            float[] c = c0.clone();
            sgemm.matmul(a, aOffset, packed, c, cOffset, m, accumulate);
            assertArrayEquals(Arrays.copyOf(c0, cOffset), Arrays.copyOf(c, cOffset), "before C's offset");
            float[] cAlone = Arrays.copyOfRange(c, cOffset, c.length);
            SgemmOracle.assertProduct(sgemm + " packed", layout, aAlone, b, cAlone0, cAlone, m, k, n, accumulate);
            if (sgemm != SCALAR) {
                float[] unpacked = cAlone0.clone();
                SgemmOracle.call(sgemm, layout, aAlone, b, unpacked, m, k, n, accumulate);
                assertArrayEquals(unpacked, cAlone, sgemm + ": packed and unpacked products differ");
            }
        }
    }

    @Test
    void matmulBiasOnPackedIsTheProductThenBiasThenRelu() {
        int[][] shapes = {{1, 1, 1}, {7, 7, 7}, {31, 17, 23}, {4, 2, 8}, {1, 784, 10}, {128, 130, 160},
                {17, 0, 9}, {64, 256, 16}, {5, 1300, 17}};
        for (int[] shape : shapes) {
            int m = shape[0], k = shape[1], n = shape[2];
            var random = new Random(13L * m + 7L * k + n);
            float[] a = SgemmOracle.random(random, 2 + m * k);
            float[] b = SgemmOracle.random(random, k * n);
            float[] bias = SgemmOracle.random(random, n + 3);
            for (float[] biasOrNull : new float[][] {bias, null}) {
                for (boolean relu : new boolean[] {false, true}) {
                    String what = m + "x" + k + "x" + n + " bias=" + (biasOrNull != null) + " relu=" + relu;
                    for (Sgemm sgemm : List.of(VECTOR, SCALAR, VECTOR_THREADED)) {
                        float[] expected = new float[m * n];
                        sgemm.matmul(Arrays.copyOfRange(a, 2, a.length), b, expected, m, k, n, false);
                        for (int i = 0; i < m; i++) {
                            SgemmEpilogue.row(expected, i * n, biasOrNull, 0, n, relu);
                        }
                        PackedMatrix packed = new PackedMatrix();
                        sgemm.pack(b, false, k, n, packed);
                        float[] c = SgemmOracle.random(random, 1 + m * n + 2);
                        float[] c0 = c.clone();
                        sgemm.matmulBias(a, 2, packed, biasOrNull, c, 1, m, relu);
                        assertArrayEquals(expected, Arrays.copyOfRange(c, 1, 1 + m * n), sgemm + " " + what);
                        assertEquals(c0[0], c[0], 0f, "before C: " + what);
                        assertArrayEquals(Arrays.copyOfRange(c0, 1 + m * n, c0.length),
                                Arrays.copyOfRange(c, 1 + m * n, c.length), "past C: " + what);
                    }
                }
            }
        }
    }

    @Test
    void packedValuesAreASnapshotAndStorageIsReused() {
        var random = new Random(3);
        int k = 40, n = 33, m = 9;
        float[] a = SgemmOracle.random(random, m * k);
        float[] original = SgemmOracle.random(random, k * n);
        for (Sgemm sgemm : List.of(VECTOR, SCALAR)) {
            float[] b = original.clone();
            PackedMatrix packed = new PackedMatrix();
            sgemm.pack(b, false, k, n, packed);
            float[] before = new float[m * n];
            sgemm.matmul(a, 0, packed, before, 0, m, false);
            float[] changed = b;
            Arrays.fill(changed, 2f);
            float[] stillOld = new float[m * n];
            sgemm.matmul(a, 0, packed, stillOld, 0, m, false);
            assertArrayEquals(before, stillOld, sgemm + ": the packed matrix must not see later writes to B");
            float[] storage = packed.data;
            sgemm.pack(changed, false, k, n, packed);
            float[] after = new float[m * n];
            sgemm.matmul(a, 0, packed, after, 0, m, false);
            float[] expected = new float[m * n];
            sgemm.matmul(a, changed, expected, m, k, n, false);
            assertArrayEquals(expected, after, sgemm + ": re-packed");
            // A smaller matrix re-uses the storage.
            sgemm.pack(b, true, 5, 6, packed);
            assertTrue(packed.data == storage, sgemm + ": storage was re-allocated");
            assertEquals(5, packed.rows());
            assertEquals(6, packed.cols());
        }
    }

    @Test
    void namesMisuse() {
        var empty = new PackedMatrix();
        var e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.matmul(new float[4], 0, empty, new float[4], 0, 2, false));
        assertTrue(e.getMessage().contains("call pack first"), e.getMessage());
        var scalarPacked = new PackedMatrix();
        SCALAR.pack(new float[6], false, 2, 3, scalarPacked);
        e = assertThrows(IllegalArgumentException.class,
                () -> VECTOR.matmul(new float[4], 0, scalarPacked, new float[6], 0, 2, false));
        assertTrue(e.getMessage().contains("another backend"), e.getMessage());
        for (Sgemm sgemm : List.of(VECTOR, SCALAR)) {
            var packed = new PackedMatrix();
            sgemm.pack(new float[6], false, 2, 3, packed);
            e = assertThrows(IllegalArgumentException.class,
                    () -> sgemm.matmul(new float[4], 1, packed, new float[6], 0, 2, false));
            assertTrue(e.getMessage().contains("a has 4"), sgemm + ": " + e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> sgemm.matmul(new float[4], 0, packed, new float[6], 2, 2, false));
            assertTrue(e.getMessage().contains("c has 6"), sgemm + ": " + e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> sgemm.matmulBias(new float[4], 0, packed, new float[2], new float[6], 0, 2, false));
            assertTrue(e.getMessage().contains("bias has 2"), sgemm + ": " + e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> sgemm.pack(new float[5], false, 2, 3, packed));
            assertTrue(e.getMessage().contains("b has 5"), sgemm + ": " + e.getMessage());
        }
    }
}
