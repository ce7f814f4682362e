package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/**
 * The test oracle for SGEMM backends: the product computed in double, and the rounding-error bound
 * that any float32 summation order must meet, |ĉ - c| <= γ·(Σ_p |a_ip·b_pj| + |c0|) with
 * γ = (k + 2)·2⁻²⁴ doubled for slack (the standard bound for a dot product of length k).
 */
final class SgemmOracle {
    /** Which of the three products. */
    enum Layout { AB, ATB, ABT }

    private SgemmOracle() {
    }

    static float[] random(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }

    static void call(Sgemm sgemm, Layout layout, float[] a, float[] b, float[] c,
                     int m, int k, int n, boolean accumulate) {
        switch (layout) {
            case AB -> sgemm.matmul(a, b, c, m, k, n, accumulate);
            case ATB -> sgemm.matmulTransposeA(a, b, c, m, k, n, accumulate);
            case ABT -> sgemm.matmulTransposeB(a, b, c, m, k, n, accumulate);
        }
    }

    /** op(A)[i][p] for the layout (A stored m×k, or k×m when transposed). */
    static double a(Layout layout, float[] a, int m, int k, int i, int p) {
        return layout == Layout.ATB ? a[p * m + i] : a[i * k + p];
    }

    /** op(B)[p][j] for the layout (B stored k×n, or n×k when transposed). */
    static double b(Layout layout, float[] b, int k, int n, int p, int j) {
        return layout == Layout.ABT ? b[j * k + p] : b[p * n + j];
    }

    /**
     * Asserts that {@code actual} (m×n) equals c0 (if accumulating) + op(A)·op(B) within the
     * float32 error bound, and that everything of {@code actual} past m·n still equals c0.
     */
    static void assertProduct(String what, Layout layout, float[] a, float[] b, float[] c0, float[] actual,
                              int m, int k, int n, boolean accumulate) {
        double gamma = 2.0 * (k + 2) * Math.ulp(1.0f) / 2;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = accumulate ? c0[i * n + j] : 0.0;
                double magnitude = Math.abs(sum);
                for (int p = 0; p < k; p++) {
                    double term = a(layout, a, m, k, i, p) * b(layout, b, k, n, p, j);
                    sum += term;
                    magnitude += Math.abs(term);
                }
                double error = Math.abs(actual[i * n + j] - sum);
                if (!(error <= gamma * magnitude)) {
                    fail(String.format("%s %s %dx%dx%d accumulate=%b: C[%d][%d] = %.9g, expected %.9g (error %.3g > %.3g)",
                            what, layout, m, k, n, accumulate, i, j, actual[i * n + j], sum, error, gamma * magnitude));
                }
            }
        }
        for (int i = m * n; i < actual.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(c0[i])) {
                fail(what + " " + layout + " " + m + "x" + k + "x" + n + ": wrote C[" + i + "] past m*n");
            }
        }
    }
}
