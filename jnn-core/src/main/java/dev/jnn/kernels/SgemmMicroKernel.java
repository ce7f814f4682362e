package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/*
 * The register-blocked inner kernel of VectorSgemm: C[MR×NR] (+)= Apanel · Bpanel.
 *
 * Shapes and layout: Apanel is a packed kc×MR block (for each p, MR consecutive values of column p
 * of A), Bpanel a packed kc×NR block (for each p, NR consecutive values of row p of B). C is
 * row-major with leading dimension ldc. NR is two vectors wide.
 *
 * Loop order: accumulators start from C (when adding) or zero, then one loop over p; per step, two
 * vector loads of B, MR broadcasts of A, 2·MR FMAs into accumulators that live in locals
 * (registers) for the whole loop; then C is stored. Starting from C rather than adding to it at
 * the end makes every element of C one chain c = a·b + c over p = 0..k-1 in order, across K blocks
 * too: the same rounding as the direct path's plain loops, so results do not depend on the path,
 * the tiling, the number of threads or how many rows a batch has.
 *
 * Tile sizes: with 512-bit vectors (32 registers on AVX-512) MR = 12 gives 24 accumulators + 2 B
 * vectors + broadcasts; 12×2 was the fastest shape measured for the project on an AVX-512 machine
 * (14 loads per 24 FMAs, so the FMA units rather than the loads set the pace).
 * With narrower vectors (AVX2 has 16 registers) MR = 4: 8 accumulators + 2 B vectors + 4
 * broadcasts = 14 registers even when C2 hoists all broadcasts of a step ahead of their FMAs, which
 * it does. 6×2 and 5×2 look like they fit but then spill one accumulator to the stack every step;
 * measured on a Zen 1 core (AVX2, peak 40 GFLOP/s) the kernel alone ran at 33 (6×2), 27 (5×2) and
 * 38 GFLOP/s (4×2).
 * The species is chosen once (VectorWidth): 512 bits when the CPU has them, else the preferred species.
 */
final class SgemmMicroKernel {
    static final VectorSpecies<Float> SPECIES = VectorWidth.SGEMM;
    /** Lanes per vector. */
    static final int LANES = SPECIES.length();
    /** True when the 12-row kernel is used (32 vector registers). */
    private static final boolean TALL = LANES >= 16;
    /** Rows of C per micro-tile. */
    static final int MR = TALL ? 12 : 4;
    /** Columns of C per micro-tile: two vectors. */
    static final int NR = 2 * LANES;
    /** Whether fused multiply-add is done in hardware; otherwise multiply then add. */
    static final boolean FMA = CpuFeatures.hasFma();

    private SgemmMicroKernel() {
    }

    /** a·b + c, fused when the hardware can. */
    private static FloatVector madd(FloatVector a, FloatVector b, FloatVector c) {
        return FMA ? a.fma(b, c) : a.mul(b).add(c);
    }

    /**
     * C[MR×NR] at {@code c[cOff]} (row stride {@code ldc}) = or += the product of the packed panels.
     *
     * @param add true for C += product, false for C = product
     */
    static void run(float[] ap, int aOff, float[] bp, int bOff, int kc,
                    float[] c, int cOff, int ldc, boolean add) {
        if (TALL) {
            run12x2(ap, aOff, bp, bOff, kc, c, cOff, ldc, add);
        } else {
            run4x2(ap, aOff, bp, bOff, kc, c, cOff, ldc, add);
        }
    }

    static void run12x2(float[] ap, int aOff, float[] bp, int bOff, int kc,
                        float[] c, int cOff, int ldc, boolean add) {
        var s = SPECIES;
        int l = LANES;
        FloatVector c00 = start(c, cOff, add), c01 = start(c, cOff + l, add);
        FloatVector c10 = start(c, cOff + ldc, add), c11 = start(c, cOff + ldc + l, add);
        FloatVector c20 = start(c, cOff + 2 * ldc, add), c21 = start(c, cOff + 2 * ldc + l, add);
        FloatVector c30 = start(c, cOff + 3 * ldc, add), c31 = start(c, cOff + 3 * ldc + l, add);
        FloatVector c40 = start(c, cOff + 4 * ldc, add), c41 = start(c, cOff + 4 * ldc + l, add);
        FloatVector c50 = start(c, cOff + 5 * ldc, add), c51 = start(c, cOff + 5 * ldc + l, add);
        FloatVector c60 = start(c, cOff + 6 * ldc, add), c61 = start(c, cOff + 6 * ldc + l, add);
        FloatVector c70 = start(c, cOff + 7 * ldc, add), c71 = start(c, cOff + 7 * ldc + l, add);
        FloatVector c80 = start(c, cOff + 8 * ldc, add), c81 = start(c, cOff + 8 * ldc + l, add);
        FloatVector c90 = start(c, cOff + 9 * ldc, add), c91 = start(c, cOff + 9 * ldc + l, add);
        FloatVector ca0 = start(c, cOff + 10 * ldc, add), ca1 = start(c, cOff + 10 * ldc + l, add);
        FloatVector cb0 = start(c, cOff + 11 * ldc, add), cb1 = start(c, cOff + 11 * ldc + l, add);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * 12;
            int bi = bOff + p * 2 * l;
            FloatVector b0 = FloatVector.fromArray(s, bp, bi);
            FloatVector b1 = FloatVector.fromArray(s, bp, bi + l);
            FloatVector a = FloatVector.broadcast(s, ap[ai]);
            c00 = madd(a, b0, c00);
            c01 = madd(a, b1, c01);
            a = FloatVector.broadcast(s, ap[ai + 1]);
            c10 = madd(a, b0, c10);
            c11 = madd(a, b1, c11);
            a = FloatVector.broadcast(s, ap[ai + 2]);
            c20 = madd(a, b0, c20);
            c21 = madd(a, b1, c21);
            a = FloatVector.broadcast(s, ap[ai + 3]);
            c30 = madd(a, b0, c30);
            c31 = madd(a, b1, c31);
            a = FloatVector.broadcast(s, ap[ai + 4]);
            c40 = madd(a, b0, c40);
            c41 = madd(a, b1, c41);
            a = FloatVector.broadcast(s, ap[ai + 5]);
            c50 = madd(a, b0, c50);
            c51 = madd(a, b1, c51);
            a = FloatVector.broadcast(s, ap[ai + 6]);
            c60 = madd(a, b0, c60);
            c61 = madd(a, b1, c61);
            a = FloatVector.broadcast(s, ap[ai + 7]);
            c70 = madd(a, b0, c70);
            c71 = madd(a, b1, c71);
            a = FloatVector.broadcast(s, ap[ai + 8]);
            c80 = madd(a, b0, c80);
            c81 = madd(a, b1, c81);
            a = FloatVector.broadcast(s, ap[ai + 9]);
            c90 = madd(a, b0, c90);
            c91 = madd(a, b1, c91);
            a = FloatVector.broadcast(s, ap[ai + 10]);
            ca0 = madd(a, b0, ca0);
            ca1 = madd(a, b1, ca1);
            a = FloatVector.broadcast(s, ap[ai + 11]);
            cb0 = madd(a, b0, cb0);
            cb1 = madd(a, b1, cb1);
        }
        store(c, cOff, l, c00, c01);
        store(c, cOff + ldc, l, c10, c11);
        store(c, cOff + 2 * ldc, l, c20, c21);
        store(c, cOff + 3 * ldc, l, c30, c31);
        store(c, cOff + 4 * ldc, l, c40, c41);
        store(c, cOff + 5 * ldc, l, c50, c51);
        store(c, cOff + 6 * ldc, l, c60, c61);
        store(c, cOff + 7 * ldc, l, c70, c71);
        store(c, cOff + 8 * ldc, l, c80, c81);
        store(c, cOff + 9 * ldc, l, c90, c91);
        store(c, cOff + 10 * ldc, l, ca0, ca1);
        store(c, cOff + 11 * ldc, l, cb0, cb1);
    }

    static void run4x2(float[] ap, int aOff, float[] bp, int bOff, int kc,
                       float[] c, int cOff, int ldc, boolean add) {
        var s = SPECIES;
        int l = LANES;
        FloatVector c00 = start(c, cOff, add), c01 = start(c, cOff + l, add);
        FloatVector c10 = start(c, cOff + ldc, add), c11 = start(c, cOff + ldc + l, add);
        FloatVector c20 = start(c, cOff + 2 * ldc, add), c21 = start(c, cOff + 2 * ldc + l, add);
        FloatVector c30 = start(c, cOff + 3 * ldc, add), c31 = start(c, cOff + 3 * ldc + l, add);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * 4;
            int bi = bOff + p * 2 * l;
            FloatVector b0 = FloatVector.fromArray(s, bp, bi);
            FloatVector b1 = FloatVector.fromArray(s, bp, bi + l);
            FloatVector a = FloatVector.broadcast(s, ap[ai]);
            c00 = madd(a, b0, c00);
            c01 = madd(a, b1, c01);
            a = FloatVector.broadcast(s, ap[ai + 1]);
            c10 = madd(a, b0, c10);
            c11 = madd(a, b1, c11);
            a = FloatVector.broadcast(s, ap[ai + 2]);
            c20 = madd(a, b0, c20);
            c21 = madd(a, b1, c21);
            a = FloatVector.broadcast(s, ap[ai + 3]);
            c30 = madd(a, b0, c30);
            c31 = madd(a, b1, c31);
        }
        store(c, cOff, l, c00, c01);
        store(c, cOff + ldc, l, c10, c11);
        store(c, cOff + 2 * ldc, l, c20, c21);
        store(c, cOff + 3 * ldc, l, c30, c31);
    }

    /**
     * SgemmEpilogue on a full micro-tile (MR rows × NR columns at {@code c[cOff]}) just written by a
     * kernel, so still in L1: adds {@code bias[col..col+NR)} (when not null) to every row, then
     * {@code max(·, 0)} when relu; the same float operations as SgemmEpilogue.row.
     */
    static void epilogue(float[] c, int cOff, int ldc, float[] bias, int col, boolean relu) {
        var s = SPECIES;
        int l = LANES;
        FloatVector zero = FloatVector.zero(s);
        FloatVector b0 = bias == null ? zero : FloatVector.fromArray(s, bias, col);
        FloatVector b1 = bias == null ? zero : FloatVector.fromArray(s, bias, col + l);
        for (int r = 0; r < MR; r++) {
            int off = cOff + r * ldc;
            FloatVector v0 = FloatVector.fromArray(s, c, off);
            FloatVector v1 = FloatVector.fromArray(s, c, off + l);
            if (bias != null) {
                v0 = v0.add(b0);
                v1 = v1.add(b1);
            }
            if (relu) {
                v0 = v0.max(zero);
                v1 = v1.max(zero);
            }
            store(c, off, l, v0, v1);
        }
    }

    /** An accumulator's starting value: what C holds when adding, else zero. */
    private static FloatVector start(float[] c, int off, boolean add) {
        return add ? FloatVector.fromArray(SPECIES, c, off) : FloatVector.zero(SPECIES);
    }

    /** Writes one micro-tile row (two vectors) to C. */
    private static void store(float[] c, int off, int l, FloatVector v0, FloatVector v1) {
        v0.intoArray(c, off);
        v1.intoArray(c, off + l);
    }
}
