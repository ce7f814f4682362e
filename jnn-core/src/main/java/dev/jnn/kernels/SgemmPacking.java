package dev.jnn.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/*
 * Packing for VectorSgemm: copies one panel of op(A) or op(B) into the order the micro-kernel reads.
 *
 * A panel: rows i0..i0+MR of op(A) (m×k), columns p0..p0+kc, stored as kc groups of MR values
 * (dst[p*MR + r] = op(A)[i0+r][p0+p]). op(A) is A (stored m×k, row-major) or Aᵀ (A stored k×m).
 * B panel: columns j0..j0+NR of op(B) (k×n), rows p0..p0+kc, stored as kc groups of NR values
 * (dst[p*NR + j] = op(B)[p0+p][j0+j]). op(B) is B (stored k×n) or Bᵀ (B stored n×k).
 * Rows or columns past the matrix edge are zero, so the micro-kernel always runs a full tile.
 *
 * Loop order follows the source: a contiguous source run (a row of stored A or B) is read in the
 * inner loop and scattered with stride MR or NR into the panel, which is small enough (kc·NR floats,
 * 32 KB at kc = 256) to stay in L1 while it is written. B in its stored layout is the one case where
 * whole vectors move at once (NR = two vectors), so that copy is vectorized.
 */
final class SgemmPacking {
    private static final int MR = SgemmMicroKernel.MR;
    private static final int NR = SgemmMicroKernel.NR;
    private static final int LANES = SgemmMicroKernel.LANES;

    private SgemmPacking() {
    }

    /**
     * Packs an MR×kc panel of op(A) starting at row {@code i0}, column {@code p0}.
     *
     * @param aOff       where A starts in {@code a}
     * @param transposed false: A is stored m×k; true: A is stored k×m and op(A) = Aᵀ
     */
    static void packA(float[] a, int aOff, boolean transposed, int m, int k, int i0, int p0, int kc,
                      float[] dst, int dstOff) {
        int rows = Math.min(MR, m - i0);
        if (rows < MR) {
            Arrays.fill(dst, dstOff, dstOff + kc * MR, 0f);
        }
        if (transposed) {
            // MR floats per p: a plain loop, which C2 turns into a few vector moves; System.arraycopy
            // of 4 floats cost a call each and made Aᵀ·B products 20% slower than A·B.
            for (int p = 0; p < kc; p++) {
                int src = aOff + (p0 + p) * m + i0;
                int d = dstOff + p * MR;
                for (int r = 0; r < rows; r++) {
                    dst[d + r] = a[src + r];
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                int src = aOff + (i0 + r) * k + p0;
                int d = dstOff + r;
                for (int p = 0; p < kc; p++) {
                    dst[d + p * MR] = a[src + p];
                }
            }
        }
    }

    /**
     * Packs column panel {@code jr} (columns {@code j0 + jr·NR} on, NR of them, zero past the edge) of
     * op(B) over all of K, in K blocks of depth kc: the block at p0 goes to
     * {@code dst[p0·nbPadded + jr·kcb·NR]}, where nbPadded is the packed width (the layout VectorSgemm
     * and SgemmProduct read).
     */
    static void packColumnPanel(float[] b, boolean transposed, int k, int n, int j0, int jr, int kc,
                                int nbPadded, float[] dst) {
        for (int p0 = 0; p0 < k; p0 += kc) {
            int kcb = Math.min(kc, k - p0);
            packB(b, transposed, k, n, j0 + jr * NR, p0, kcb, dst, p0 * nbPadded + jr * kcb * NR);
        }
    }

    /**
     * Packs a kc×NR panel of op(B) starting at row {@code p0}, column {@code j0}.
     *
     * @param transposed false: B is stored k×n; true: B is stored n×k and op(B) = Bᵀ
     */
    static void packB(float[] b, boolean transposed, int k, int n, int j0, int p0, int kc,
                      float[] dst, int dstOff) {
        int cols = Math.min(NR, n - j0);
        if (cols < NR) {
            Arrays.fill(dst, dstOff, dstOff + kc * NR, 0f);
        }
        if (transposed) {
            for (int j = 0; j < cols; j++) {
                int src = (j0 + j) * k + p0;
                int d = dstOff + j;
                for (int p = 0; p < kc; p++) {
                    dst[d + p * NR] = b[src + p];
                }
            }
        } else if (cols == NR) {
            var s = SgemmMicroKernel.SPECIES;
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * n + j0;
                int d = dstOff + p * NR;
                FloatVector.fromArray(s, b, src).intoArray(dst, d);
                FloatVector.fromArray(s, b, src + LANES).intoArray(dst, d + LANES);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (p0 + p) * n + j0, dst, dstOff + p * NR, cols);
            }
        }
    }
}
