package dev.jnn.kernels;

/**
 * Single-precision matrix products on row-major arrays, in the three layouts training needs.
 *
 * <p>BLAS names: A is m×k, B is k×n, C is m×n; all row-major and contiguous. {@code accumulate}
 * chooses between {@code C = op} and {@code C += op}.
 */
public interface Sgemm {
    /** C (m×n) = or += A (m×k) · B (k×n). */
    void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C (m×n) = or += Aᵀ · B, where A is stored k×m and B is k×n. */
    void matmulTransposeA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C (m×n) = or += A · Bᵀ, where A is m×k and B is stored n×k. */
    void matmulTransposeB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /**
     * C (m×n) = A (m×k) · B (k×n) + bias, then {@code max(·, 0)} when {@code relu}: a Dense layer's
     * forward in one call. The bias (n values, or null for none) is added to every row of the
     * product after the product is complete, so each element is rounded exactly as by
     * {@link #matmul} followed by a separate bias add and ReLU. Fast backends apply bias and ReLU
     * while the C tile is still in cache.
     *
     * <pre>{@code
     * sgemm.matmulBias(x, kernel, bias, y, batch, inputs, units, true);   // y = relu(x·kernel + bias)
     * }</pre>
     */
    default void matmulBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, boolean relu) {
        if (bias != null && bias.length < n) {
            throw new IllegalArgumentException("sgemm: bias has " + bias.length + " floats, needs n = " + n);
        }
        matmul(a, b, c, m, k, n, false);
        for (int i = 0; i < m; i++) {
            SgemmEpilogue.row(c, i * n, bias, 0, n, relu);
        }
    }
}
