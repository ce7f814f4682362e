package dev.jnn.layers;

import dev.jnn.kernels.Kernels;
import dev.jnn.kernels.Sgemm;

/**
 * Matrix products of slices of larger arrays (one batch entry, one attention head), run on the
 * project's SGEMM. The SGEMM interface takes whole arrays, so a slice that does not start at offset 0
 * is copied into scratch first and the result copied (or added) back; the copies cost
 * {@code O(m·k + k·n + m·n)} against the product's {@code O(m·k·n)}. Each user keeps its own
 * instance, whose scratch grows to the largest slice and is then reused without allocating.
 *
 * <p>Layouts are row-major: {@code A} is {@code m×k} ({@code k×m} when transposed), {@code B} is
 * {@code k×n} ({@code n×k} when transposed), {@code C} is {@code m×n}.
 */
final class SliceMatmul {
    private static final Sgemm SGEMM = Kernels.sgemm();

    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] c = new float[0];

    /** {@code C[cOff..] (=|+=) op(A[aOff..]) · op(B[bOff..])}. */
    void multiply(float[] aArr, int aOff, boolean transposeA, float[] bArr, int bOff, boolean transposeB,
                  float[] cArr, int cOff, int m, int k, int n, boolean accumulate) {
        float[] as = slice(aArr, aOff, m * k, 0);
        float[] bs = slice(bArr, bOff, k * n, 1);
        boolean direct = cOff == 0;
        float[] cs = direct ? cArr : scratchC(m * n);
        if (transposeA && transposeB) {
            throw new IllegalArgumentException("SliceMatmul: Aᵀ·Bᵀ is not supported");
        } else if (transposeA) {
            SGEMM.matmulTransposeA(as, bs, cs, m, k, n, direct && accumulate);
        } else if (transposeB) {
            SGEMM.matmulTransposeB(as, bs, cs, m, k, n, direct && accumulate);
        } else {
            SGEMM.matmul(as, bs, cs, m, k, n, direct && accumulate);
        }
        if (!direct) {
            if (accumulate) {
                for (int i = 0; i < m * n; i++) {
                    cArr[cOff + i] += cs[i];
                }
            } else {
                System.arraycopy(cs, 0, cArr, cOff, m * n);
            }
        }
    }

    private float[] slice(float[] src, int offset, int length, int which) {
        if (offset == 0) {
            return src;
        }
        float[] dst = which == 0 ? a : b;
        if (dst.length < length) {
            dst = new float[length];
            if (which == 0) {
                a = dst;
            } else {
                b = dst;
            }
        }
        System.arraycopy(src, offset, dst, 0, length);
        return dst;
    }

    private float[] scratchC(int length) {
        if (c.length < length) {
            c = new float[length];
        }
        return c;
    }
}
