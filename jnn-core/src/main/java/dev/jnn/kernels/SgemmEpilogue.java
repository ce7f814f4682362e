package dev.jnn.kernels;

/**
 * What {@link Sgemm#matmulBias} does to C once the product is complete: {@code c = c + bias[j]},
 * then {@code max(c, 0)} when relu, in float, element by element. The vector backend does the same
 * to full micro-tiles with vectors ({@code add}, then {@code max}, which is {@code Math.max} lane by
 * lane), so both give the same bits.
 */
final class SgemmEpilogue {
    private SgemmEpilogue() {
    }

    /** Checks that {@code bias} (null for none) has at least n values. */
    static void checkBias(float[] bias, int n) {
        if (bias != null && bias.length < n) {
            throw new IllegalArgumentException("sgemm: bias has " + bias.length + " floats, needs n = " + n);
        }
    }

    /** Applies bias (null for none) and relu to {@code cols} values of C from {@code cOff}, bias from {@code biasOff}. */
    static void row(float[] c, int cOff, float[] bias, int biasOff, int cols, boolean relu) {
        for (int j = 0; j < cols; j++) {
            float v = c[cOff + j];
            if (bias != null) {
                v += bias[biasOff + j];
            }
            c[cOff + j] = relu ? Math.max(v, 0f) : v;
        }
    }
}
