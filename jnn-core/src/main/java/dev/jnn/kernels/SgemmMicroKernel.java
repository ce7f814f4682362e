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
 * Loop order: one loop over p; per step, two vector loads of B, MR broadcasts of A, 2·MR FMAs into
 * accumulators that live in locals (registers) for the whole loop, then one read-modify-write of C.
 *
 * Tile sizes: with 512-bit vectors (32 registers on AVX-512) MR = 12 gives 24 accumulators + 2 B
 * vectors + 1 broadcast = 27 registers; 12×2 was the fastest of the shapes measured on this project's
 * machine (it needs 14 loads per 24 FMAs, so the FMA units rather than the loads set the pace).
 * With narrower vectors (AVX2 has 16 registers) MR = 4: 8 accumulators + 2 B vectors + 4
 * broadcasts = 14 registers even when C2 hoists all broadcasts of a step ahead of their FMAs, which
 * it does. 6×2 and 5×2 look like they fit but then spill one accumulator to the stack every step;
 * measured on a Zen 1 core (AVX2, peak 40 GFLOP/s) the kernel alone ran at 33 (6×2), 27 (5×2) and
 * 38 GFLOP/s (4×2).
 * The species is chosen once: 512 bits when the CPU has them, else the preferred species.
 */
final class SgemmMicroKernel {
    static final VectorSpecies<Float> SPECIES = chooseSpecies();
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

    private static VectorSpecies<Float> chooseSpecies() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512
                ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;
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
        FloatVector c00 = FloatVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00, c80 = c00, c81 = c00;
        FloatVector c90 = c00, c91 = c00, ca0 = c00, ca1 = c00, cb0 = c00, cb1 = c00;
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
        store(c, cOff, l, c00, c01, add);
        store(c, cOff + ldc, l, c10, c11, add);
        store(c, cOff + 2 * ldc, l, c20, c21, add);
        store(c, cOff + 3 * ldc, l, c30, c31, add);
        store(c, cOff + 4 * ldc, l, c40, c41, add);
        store(c, cOff + 5 * ldc, l, c50, c51, add);
        store(c, cOff + 6 * ldc, l, c60, c61, add);
        store(c, cOff + 7 * ldc, l, c70, c71, add);
        store(c, cOff + 8 * ldc, l, c80, c81, add);
        store(c, cOff + 9 * ldc, l, c90, c91, add);
        store(c, cOff + 10 * ldc, l, ca0, ca1, add);
        store(c, cOff + 11 * ldc, l, cb0, cb1, add);
    }

    static void run4x2(float[] ap, int aOff, float[] bp, int bOff, int kc,
                               float[] c, int cOff, int ldc, boolean add) {
        var s = SPECIES;
        int l = LANES;
        FloatVector c00 = FloatVector.zero(s), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
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
        store(c, cOff, l, c00, c01, add);
        store(c, cOff + ldc, l, c10, c11, add);
        store(c, cOff + 2 * ldc, l, c20, c21, add);
        store(c, cOff + 3 * ldc, l, c30, c31, add);
    }

    /** Writes one micro-tile row (two vectors) to C, adding to what is there when asked. */
    private static void store(float[] c, int off, int l, FloatVector v0, FloatVector v1, boolean add) {
        if (add) {
            v0 = v0.add(FloatVector.fromArray(SPECIES, c, off));
            v1 = v1.add(FloatVector.fromArray(SPECIES, c, off + l));
        }
        v0.intoArray(c, off);
        v1.intoArray(c, off + l);
    }
}
