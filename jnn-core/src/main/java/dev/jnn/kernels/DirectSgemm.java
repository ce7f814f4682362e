package dev.jnn.kernels;

import java.util.Arrays;

/*
 * The direct path of VectorSgemm: plain loops, no packing, no vectors, no threads; for tiny
 * products (see VectorSgemm.direct).
 *
 * Shapes and layout as in Sgemm: op(A) m×k, op(B) k×n, C m×n, row-major; Aᵀ is stored k×m, Bᵀ n×k.
 * Loop order keeps the innermost loop on contiguous memory: i-p-j for A·B and p-i-j for Aᵀ·B (a row
 * of B streams into a row of C, which C2 vectorizes), i-j-p for A·Bᵀ (a dot product of two rows).
 *
 * Arithmetic: each C element is the chain c = a·b + c over p = 0..k-1 in order, starting from C
 * (accumulate) or zero, with a fused multiply-add exactly when the micro-kernel uses one. That is
 * the micro-kernel's rounding too, so a row of C comes out bit for bit the same whichever path
 * computed it: predicting in batches of 32 or all at once gives the same numbers.
 */
final class DirectSgemm {
    private static final boolean FMA = CpuFeatures.hasFma();

    private DirectSgemm() {
    }

    private static float madd(float a, float b, float c) {
        return FMA ? Math.fma(a, b, c) : a * b + c;
    }

    static void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f);
        }
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] = madd(aip, b[bRow + j], c[cRow + j]);
                }
            }
        }
    }

    static void matmulTransposeA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f);
        }
        for (int p = 0; p < k; p++) {
            int bRow = p * n;
            for (int i = 0; i < m; i++) {
                float api = a[p * m + i];
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] = madd(api, b[bRow + j], c[cRow + j]);
                }
            }
        }
    }

    static void matmulTransposeB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            for (int j = 0; j < n; j++) {
                int bRow = j * k;
                int ij = i * n + j;
                float sum = accumulate ? c[ij] : 0f;
                for (int p = 0; p < k; p++) {
                    sum = madd(a[aRow + p], b[bRow + p], sum);
                }
                c[ij] = sum;
            }
        }
    }
}
