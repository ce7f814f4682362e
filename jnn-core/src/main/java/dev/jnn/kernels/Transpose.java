package dev.jnn.kernels;

import java.util.function.IntConsumer;

/*
 * Out-of-place transpose of a row-major matrix: t (cols×rows) = aᵀ, a being rows×cols.
 *
 * Why it exists: a product Aᵀ·B whose A is tall and narrow (a convolution's dZ or im2col rows: tens of
 * thousands of rows, 9 to a few hundred columns) packs A's panels a few values per row, walking all of
 * A once per panel; transposing it once, here, and multiplying the result untransposed reads A once.
 *
 * Loop order: blocks of BLOCK rows of a; within a block, column by column, so each output row gets a
 * contiguous run of BLOCK values while the block of a (BLOCK·cols floats) stays in L1/L2. Blocks are
 * independent, so large transposes are split over the kernel pool by blocks; a pure copy, so the
 * result does not depend on the split.
 */
/**
 * Transposes row-major matrices: {@code t[j·rows + i] = a[i·cols + j]}.
 *
 * <pre>{@code
 * Transpose.run(dz, rows, filters, dzT);   // dzT is filters × rows
 * }</pre>
 */
public final class Transpose {
    /** Rows of a per block. */
    private static final int BLOCK = 64;
    /** Values per task when split over the pool. */
    private static final long GRAIN = 1 << 16;

    private Transpose() {
    }

    /** {@code t (cols×rows) = aᵀ}, a being {@code rows×cols}; split over the kernel pool when large. */
    public static void run(float[] a, int rows, int cols, float[] t) {
        int size = Ranges.block(rows, cols);
        Ranges.check("a", a, 0, size);
        Ranges.check("t", t, 0, size);
        int blocks = (rows + BLOCK - 1) / BLOCK;
        int tasks = Parallel.tasks(blocks, size, GRAIN);
        if (tasks == 1) {
            copyRows(a, rows, cols, t, 0, rows);
            return;
        }
        Parallel.run(tasks, new Job(a, rows, cols, t, tasks, blocks));
    }

    /** Transposes rows {@code from..to-1} of a into columns {@code from..to-1} of t. */
    static void copyRows(float[] a, int rows, int cols, float[] t, int from, int to) {
        for (int i0 = from; i0 < to; i0 += BLOCK) {
            int i1 = Math.min(to, i0 + BLOCK);
            for (int j = 0; j < cols; j++) {
                int dst = j * rows;
                for (int i = i0; i < i1; i++) {
                    t[dst + i] = a[i * cols + j];
                }
            }
        }
    }

    /** One split transpose: task k takes a run of whole blocks. */
    private record Job(float[] a, int rows, int cols, float[] t, int tasks, int blocks) implements IntConsumer {
        @Override
        public void accept(int k) {
            int from = Parallel.start(k, tasks, blocks) * BLOCK;
            int to = Math.min(rows, Parallel.start(k + 1, tasks, blocks) * BLOCK);
            copyRows(a, rows, cols, t, from, to);
        }
    }
}
