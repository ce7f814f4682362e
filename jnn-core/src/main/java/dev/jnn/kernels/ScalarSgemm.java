package dev.jnn.kernels;

import java.util.Arrays;

/**
 * The plain-Java reference SGEMM: the test oracle for faster backends and the fallback.
 *
 * <p>Loop orders keep the innermost loop on contiguous memory: i-p-j for A·B and Aᵀ·B (a row of B
 * streams into a row of C), i-j-p for A·Bᵀ (a dot product of two rows). No blocking: shapes in
 * training small models fit in cache, and the fast backend is another class.
 */
final class ScalarSgemm implements Sgemm {
    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f);
        }
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                if (aip == 0f) {
                    continue;
                }
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /** Packed form of the reference: op(B) copied row-major (k×n), so the products below read it like B. */
    @Override
    public void pack(float[] b, boolean transposeB, int k, int n, PackedMatrix into) {
        check(b, k, n);
        float[] dst = into.reset(this, k, n, k * n);
        if (transposeB) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    dst[p * n + j] = b[j * k + p];
                }
            }
        } else {
            System.arraycopy(b, 0, dst, 0, k * n);
        }
    }

    @Override
    public void matmul(float[] a, int aOffset, PackedMatrix b, float[] c, int cOffset, int m, boolean accumulate) {
        b.checkProduct(this, a, aOffset, c, cOffset, m);
        int k = b.k;
        int n = b.n;
        float[] bp = b.data;
        if (!accumulate) {
            Arrays.fill(c, cOffset, cOffset + m * n, 0f);
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[aOffset + i * k + p];
                if (aip == 0f) {
                    continue;
                }
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * bp[bRow + j];
                }
            }
        }
    }

    @Override
    public void matmulBias(float[] a, int aOffset, PackedMatrix b, float[] bias, float[] c, int cOffset, int m,
                           boolean relu) {
        SgemmEpilogue.checkBias(bias, b.n);
        matmul(a, aOffset, b, c, cOffset, m, false);
        for (int i = 0; i < m; i++) {
            SgemmEpilogue.row(c, cOffset + i * b.n, bias, 0, b.n, relu);
        }
    }

    private static void check(float[] b, int k, int n) {
        if (k < 0 || n < 0) {
            throw new IllegalArgumentException("sgemm: k, n must be >= 0, got k=" + k + ", n=" + n);
        }
        if (b.length < (long) k * n) {
            throw new IllegalArgumentException("sgemm: b has " + b.length + " floats, needs k*n = " + (long) k * n);
        }
    }

    @Override
    public String toString() {
        return "ScalarSgemm";
    }

    @Override
    public void matmulTransposeA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f);
        }
        for (int p = 0; p < k; p++) {
            int aRow = p * m;
            int bRow = p * n;
            for (int i = 0; i < m; i++) {
                float api = a[aRow + i];
                if (api == 0f) {
                    continue;
                }
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += api * b[bRow + j];
                }
            }
        }
    }

    @Override
    public void matmulTransposeB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            for (int j = 0; j < n; j++) {
                int bRow = j * k;
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aRow + p] * b[bRow + p];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }
}
