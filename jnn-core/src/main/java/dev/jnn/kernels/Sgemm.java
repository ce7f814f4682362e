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
}
