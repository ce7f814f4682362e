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
