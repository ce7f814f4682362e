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
        SgemmEpilogue.checkBias(bias, n);
        matmul(a, b, c, m, k, n, false);
        for (int i = 0; i < m; i++) {
            SgemmEpilogue.row(c, i * n, bias, 0, n, relu);
        }
    }

    /**
     * Packs op(B) (k×n: B stored k×n, or n×k when {@code transposeB}) into {@code into}, for products
     * that reuse it many times with different left-hand operands ({@link PackedMatrix}). The packed
     * values are a copy: later writes to {@code b} are not seen until it is packed again.
     */
    void pack(float[] b, boolean transposeB, int k, int n, PackedMatrix into);

    /**
     * C (m×n, at {@code c[cOffset]}) = or += A (m×k, row-major at {@code a[aOffset]}) · B, B packed
     * by this backend's {@link #pack}. Each C element is rounded exactly as by {@link #matmul} on the
     * unpacked B, so packing changes the speed only.
     */
    void matmul(float[] a, int aOffset, PackedMatrix b, float[] c, int cOffset, int m, boolean accumulate);

    /** {@link #matmulBias(float[], float[], float[], float[], int, int, int, boolean)} with a packed B and offsets. */
    void matmulBias(float[] a, int aOffset, PackedMatrix b, float[] bias, float[] c, int cOffset, int m,
                    boolean relu);
}
