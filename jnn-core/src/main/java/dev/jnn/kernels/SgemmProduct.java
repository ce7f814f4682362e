package dev.jnn.kernels;

import java.util.function.IntConsumer;

/*
 * The blocked product of VectorSgemm once op(B) is packed: C (+)= op(A) · B for A in its stored layout.
 *
 * Shapes and layout: op(A) is m×k (A stored m×k row-major from aOff, or k×m when transposed), the
 * packed B is k×nb in the layout of SgemmPacking.packColumnPanel (K blocks of depth kc, each split in
 * NR-column panels), C is m×nb at c[cOff] with row stride ldc. Bias, when given, is read from
 * bias[biasOff].
 *
 * Work is cut into tasks of (row tile) × (column tile); a row tile is at most MC rows (MC/MR row
 * panels). Per task:
 *   for each K block p0 (depth kcb)
 *     pack the tile's rows of op(A) for this K block (MC·kcb floats, up to 256 KB with AVX2: L2)
 *     for each NR-column panel jr of the tile    — its B panel (kcb·NR floats) stays in L1, or
 *                                                  streams from L2 when kcb > KC (VectorSgemm)
 *       for each MR-row panel ir of the tile     — A panel from L2
 *         micro-kernel C[MR×NR] (+)= A panel · B panel, then bias/ReLU after the last K block
 * Each task packs its own A, into a buffer of its thread: the packed A is written and read while in
 * L2, A is packed by the threads in parallel with the products, and a product needs one parallel
 * region instead of two (packing, then tiles). How many row and column tiles: see rowTiles() — more
 * row tiles re-read B, more column tiles re-pack A, and the cheaper mix is taken. C is re-read once
 * per K block; a K block of a row tile is MC·kcb·nb multiply-adds per MC·nb floats of C, so C traffic
 * is a few bytes per thousand cycles and needs no blocking of its own.
 *
 * Edge tiles (fewer than MR rows or NR columns left) run the same kernel on zero-padded panels and a
 * scratch tile holding a copy of the valid part of C, then copy that part back. Every C element is one
 * multiply-add chain over p in order (SgemmMicroKernel), so results do not depend on the tiling or on
 * the number of threads.
 *
 * One instance per thread (VectorSgemm's workspace); a call sets the fields, runs, and drops its
 * references to the caller's arrays.
 */
final class SgemmProduct {
    private static final int MR = SgemmMicroKernel.MR;
    private static final int NR = SgemmMicroKernel.NR;
    private static final int MC = VectorSgemm.MC;
    private static final ThreadLocal<float[]> TILE_A = ThreadLocal.withInitial(
            () -> new float[MC * Math.max(VectorSgemm.KC, VectorSgemm.KC_SINGLE)]);
    private static final ThreadLocal<float[]> EDGE_TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);

    private float[] a;
    private int aOff;
    private boolean transposeA;
    private int m;
    private int k;
    private int kc;
    private float[] bp;
    private int nb;
    private int nbPadded;
    private float[] c;
    private int cOff;
    private int ldc;
    private boolean accumulate;
    private float[] bias;
    private int biasOff;
    private boolean relu;
    // How C is cut into tasks, set by run().
    private int rowPanels;
    private int colPanels;
    private int panelsPerRowTile;
    private int panelsPerColTile;
    private int colTiles;
    /** Bound once, so that a call allocates no lambda. */
    private final IntConsumer task = this::task;

    /** The depth of the K blocks for a given k: all of k up to KC_SINGLE, else equal blocks of at most KC. */
    static int kc(int k) {
        if (k <= VectorSgemm.KC_SINGLE) {
            return Math.max(1, k);
        }
        int blocks = ceilDiv(k, VectorSgemm.KC);
        return Math.max(1, ceilDiv(k, blocks));
    }

    /** Sets op(A) (rows from {@code aOff}), the packed B (k×nb from {@code bp}) and C. */
    void set(float[] a, int aOff, boolean transposeA, int m, int k, float[] bp, int nb,
             float[] c, int cOff, int ldc, boolean accumulate) {
        this.a = a;
        this.aOff = aOff;
        this.transposeA = transposeA;
        this.m = m;
        this.k = k;
        this.kc = kc(k);
        this.bp = bp;
        this.nb = nb;
        this.nbPadded = ceilDiv(nb, NR) * NR;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.accumulate = accumulate;
        this.bias = null;
        this.biasOff = 0;
        this.relu = false;
    }

    /** Bias (null for none, read from {@code biasOff}) and ReLU, applied after the last K block. */
    void epilogue(float[] bias, int biasOff, boolean relu) {
        this.bias = bias;
        this.biasOff = biasOff;
        this.relu = relu;
    }

    /** Computes C, sharing tasks with the pool's threads when {@code parallel}. */
    void run(boolean parallel) {
        try {
            if (m == 0 || nb == 0) {
                return;
            }
            if (k == 0) {
                emptyInner();
                return;
            }
            rowPanels = ceilDiv(m, MR);
            colPanels = ceilDiv(nb, NR);
            // Several tasks per thread, so that work stealing evens out uneven tiles.
            int wanted = parallel ? 4 * KernelPool.threads() : 1;
            int rowTiles = rowTiles(wanted);
            panelsPerRowTile = ceilDiv(rowPanels, rowTiles);
            rowTiles = ceilDiv(rowPanels, panelsPerRowTile);
            int columns = Math.min(colPanels, ceilDiv(wanted, rowTiles));
            panelsPerColTile = ceilDiv(colPanels, columns);
            colTiles = ceilDiv(colPanels, panelsPerColTile);
            int tasks = rowTiles * colTiles;
            if (parallel) {
                KernelPool.run(tasks, task);
            } else {
                for (int t = 0; t < tasks; t++) {
                    task(t);
                }
            }
        } finally {
            a = null;
            bp = null;
            c = null;
            bias = null;
        }
    }

    /** Floats of packed B that stay in a 512 KB L2 next to the tile's A block: 128 K floats (512 KB / 4). */
    private static final long L2_FLOATS = 1L << 17;

    /**
     * How many row tiles to cut C into for {@code wanted} tasks (the rest of the tasks come from column
     * tiles). Each row tile reads all of its columns' packed B (k·nb floats per row tile: cheap while B
     * fits in L2, four times dearer from L3 or memory) and each column tile packs all of its rows of A
     * (m·k floats per column tile, a scattered copy that costs about eight B reads from memory per
     * float); the count minimizing the sum is taken (the most row tiles among equals), with at least
     * enough row tiles that one holds at most MC rows. Weights fitted on a Zen 1 pair (two threads):
     * 1024 rows by 256 columns get 16 row tiles of 64 rows; 128 × 784 · 784 × 256 8 row tiles; the
     * 32 × 3200 · 3200 × 512 kernel gradient of lstm_train 2 row tiles by 4 column tiles instead of 8
     * row tiles that each streamed all 6.5 MB of B from memory: 27 → 32 GFLOP/s.
     */
    private int rowTiles(int wanted) {
        int fewest = ceilDiv(rowPanels, MC / MR);
        // A packed B that fits in L2 is read again from there at a quarter of the cost.
        long bRead = (long) k * nbPadded <= L2_FLOATS ? 1 : 4;
        int best = fewest;
        long bestCost = Long.MAX_VALUE;
        for (int rows = fewest; rows <= rowPanels; rows++) {
            int columns = Math.min(colPanels, ceilDiv(wanted, rows));
            long cost = rows * bRead * nbPadded + 32L * m * columns;
            if (cost <= bestCost) {
                bestCost = cost;
                best = rows;
            }
            if (rows >= wanted) {
                break;   // more row tiles only add B reads
            }
        }
        return best;
    }

    /** k = 0: the product is zero, so C is cleared (or kept) and the epilogue still applies. */
    private void emptyInner() {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, row, row + nb, 0f);
            }
            if (bias != null || relu) {
                SgemmEpilogue.row(c, row, bias, biasOff, nb, relu);
            }
        }
    }

    private void task(int t) {
        int irFrom = (t / colTiles) * panelsPerRowTile;
        int irTo = Math.min(rowPanels, irFrom + panelsPerRowTile);
        int jrFrom = (t % colTiles) * panelsPerColTile;
        int jrTo = Math.min(colPanels, jrFrom + panelsPerColTile);
        float[] ap = TILE_A.get();
        float[] edge = null;
        boolean epilogue = bias != null || relu;
        for (int p0 = 0; p0 < k; p0 += kc) {
            int kcb = Math.min(kc, k - p0);
            for (int ir = irFrom; ir < irTo; ir++) {
                SgemmPacking.packA(a, aOff, transposeA, m, k, ir * MR, p0, kcb, ap, (ir - irFrom) * kcb * MR);
            }
            boolean add = accumulate || p0 > 0;
            boolean last = p0 + kcb == k;
            for (int jr = jrFrom; jr < jrTo; jr++) {
                int bOff = p0 * nbPadded + jr * kcb * NR;
                int col = jr * NR;
                int cols = Math.min(NR, nb - col);
                for (int ir = irFrom; ir < irTo; ir++) {
                    int aTile = (ir - irFrom) * kcb * MR;
                    int row = ir * MR;
                    int rows = Math.min(MR, m - row);
                    int cAt = cOff + row * ldc + col;
                    if (rows == MR && cols == NR) {
                        SgemmMicroKernel.run(ap, aTile, bp, bOff, kcb, c, cAt, ldc, add);
                        if (last && epilogue) {
                            SgemmMicroKernel.epilogue(c, cAt, ldc, bias, biasOff + col, relu);
                        }
                    } else {
                        if (edge == null) {
                            edge = EDGE_TILE.get();
                        }
                        if (add) {
                            copyTile(c, cAt, ldc, edge, 0, NR, rows, cols);
                        }
                        SgemmMicroKernel.run(ap, aTile, bp, bOff, kcb, edge, 0, NR, add);
                        copyTile(edge, 0, NR, c, cAt, ldc, rows, cols);
                        if (last && epilogue) {
                            for (int r = 0; r < rows; r++) {
                                SgemmEpilogue.row(c, cAt + r * ldc, bias, biasOff + col, cols, relu);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Copies a rows×cols block between row-major arrays of row strides srcLd and dstLd. */
    private static void copyTile(float[] src, int srcOff, int srcLd, float[] dst, int dstOff, int dstLd,
                                 int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, srcOff + r * srcLd, dst, dstOff + r * dstLd, cols);
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
