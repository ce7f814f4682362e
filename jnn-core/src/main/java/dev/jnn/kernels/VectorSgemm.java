package dev.jnn.kernels;

import java.util.function.IntConsumer;

/*
 * SGEMM on the Vector API: packed panels, cache blocks, a register-blocked micro-kernel, threads.
 *
 * Shapes and layout (BLAS names): op(A) is m×k, op(B) is k×n, C is m×n, all row-major and
 * contiguous; op(A) is A or Aᵀ (A stored k×m), op(B) is B or Bᵀ (B stored n×k). The three layouts
 * differ only in how panels are packed (SgemmPacking); everything after packing is shared.
 *
 * Paths:
 * - direct: m·n·k < SMALL_WORK (256): DirectSgemm's plain loops, no packing. Measured on a Zen 1
 *   core (CPU time per call, plain loops vs blocked): 4×2×8 133 vs 240 ns, 8×4×8 425 vs 390 ns,
 *   8×8×8 830 vs 540 ns, 16×16×16 5.8 vs 0.8 µs, so the crossover is near 256 multiply-adds. Even
 *   matrix-vector products are faster blocked once they are not tiny (1×784×128: 64 vs 47 µs,
 *   128×784×1: 540 vs 157 µs), because the plain loops' single multiply-add chain per element
 *   cannot overlap. Vector API code that C2 has not yet compiled also boxes every vector, which
 *   tiny layers would pay for longest.
 * - otherwise the blocked path below; it uses the shared KernelPool when m·n·k >= PARALLEL_WORK and
 *   runs in the calling thread below that (a fork/join round trip costs microseconds).
 *
 * Blocked path, for each outer block of at most PACK_LIMIT packed floats per operand:
 * 1. pack op(B) into kc×NR panels and op(A) into MR×kc panels, for all of K (tasks: one per panel);
 *    the packed operands are shared by all threads, so nothing is packed twice;
 * 2. split C into tiles of MC rows × TN columns (tasks: one per tile; when threaded, tiles are made
 *    smaller until there are 4 per thread, so that work stealing evens out uneven tiles); per tile:
 *      for each K block of kc (KC = 256, K split into equal blocks)
 *        for each NR-column panel jr           — its B panel (kc·NR floats: 16 KB with AVX2,
 *                                                 32 KB with AVX-512) stays in L1
 *          for each MR-row panel ir            — the tile's A block (MC·kc floats: 64 KB with
 *                                                 AVX2, 192 KB with AVX-512) stays in L2
 *            micro-kernel: C[MR×NR] (+)= A panel · B panel          (SgemmMicroKernel)
 *    The C tile (MC·TN floats, 64 or 192 KB) also stays in L2 between K blocks, so the K passes
 *    re-read C from cache rather than from memory.
 * Edge tiles (fewer than MR rows or NR columns left) run the same kernel on zero-padded panels and
 * a scratch tile holding a copy of the valid part of C, then copy that part back.
 * matmulBias (Dense's forward) adds the bias and applies ReLU to each micro-tile right after its last
 * K block, while the tile is in L1, instead of two more passes over C; the float operations are those
 * of a separate bias add and ReLU, so the bits are the same. Reading A in place instead of packing it
 * (the packing of A·B is ~8% of a 1024×784×256 product) was tried with a strided 4-row kernel and
 * measured 6% slower overall on a Zen 1 core (single thread, CPU time, predict of the 784-256-128-10
 * MLP), so A is packed.
 * Every C element is one multiply-add chain over p in order (see SgemmMicroKernel), so results do
 * not depend on tiles, threads or path.
 *
 * Why these sizes: MC = 16·MR and KC = 256 keep the blocks above inside L1 and L2 (L2 is 512 KB
 * to 1 MB per core on current x86). On a Zen 1 core (AVX2) single-threaded, MC from 16·MR to 48·MR
 * and KC from 256 to 512 were all within 3% of each other at 34 GFLOP/s (OpenBLAS: 34-36). Splitting
 * C's rows and columns across threads works only because packing is done once, up front: splitting
 * columns with per-thread packing of A was measured 27% slower on an AVX-512 machine.
 */
final class VectorSgemm implements Sgemm {
    private static final int MR = SgemmMicroKernel.MR;
    private static final int NR = SgemmMicroKernel.NR;
    /** Depth of one K block. */
    static final int KC = 256;
    /** Rows of a C tile (a multiple of MR). */
    static final int MC = 16 * MR;
    /** Columns of a C tile (a multiple of NR). */
    static final int TN = 256 / NR * NR;
    /** Below this many multiply-adds, the plain loops win. */
    static final long SMALL_WORK = 256;
    /** From this many multiply-adds on, the product is shared among the pool's threads. */
    static final long PARALLEL_WORK = 1L << 21;
    /** The most floats one packed operand may take (8 MB); larger products go in outer blocks. */
    static final int PACK_LIMIT = 1 << 21;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);
    private static final ThreadLocal<float[]> EDGE_TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);

    /** The calling thread's packed operands, reused from call to call. */
    private static final class Workspace {
        final Block block = new Block();
        float[] packedA = new float[0];
        float[] packedB = new float[0];

        float[] packedA(int size) {
            if (packedA.length < size) {
                packedA = new float[size];
            }
            return packedA;
        }

        float[] packedB(int size) {
            if (packedB.length < size) {
                packedB = new float[size];
            }
            return packedB;
        }
    }

    private final long parallelWork;
    private final int packLimit;

    VectorSgemm() {
        this(PARALLEL_WORK, PACK_LIMIT);
    }

    /** With other thresholds, so that tests can reach the parallel and outer-block paths cheaply. */
    VectorSgemm(long parallelWork, int packLimit) {
        this.parallelWork = parallelWork;
        this.packLimit = packLimit;
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        check(a, b, c, m, k, n);
        if (direct(m, k, n)) {
            DirectSgemm.matmul(a, b, c, m, k, n, accumulate);
        } else {
            multiply(a, false, b, false, c, m, k, n, accumulate, null, false);
        }
    }

    @Override
    public void matmulTransposeA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        check(a, b, c, m, k, n);
        if (direct(m, k, n)) {
            DirectSgemm.matmulTransposeA(a, b, c, m, k, n, accumulate);
        } else {
            multiply(a, true, b, false, c, m, k, n, accumulate, null, false);
        }
    }

    @Override
    public void matmulTransposeB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        check(a, b, c, m, k, n);
        if (direct(m, k, n)) {
            DirectSgemm.matmulTransposeB(a, b, c, m, k, n, accumulate);
        } else {
            multiply(a, false, b, true, c, m, k, n, accumulate, null, false);
        }
    }

    @Override
    public void matmulBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, boolean relu) {
        check(a, b, c, m, k, n);
        if (bias != null && bias.length < n) {
            throw new IllegalArgumentException("sgemm: bias has " + bias.length + " floats, needs n = " + n);
        }
        if (direct(m, k, n)) {
            DirectSgemm.matmul(a, b, c, m, k, n, false);
            for (int i = 0; i < m; i++) {
                SgemmEpilogue.row(c, i * n, bias, 0, n, relu);
            }
        } else {
            multiply(a, false, b, false, c, m, k, n, false, bias, relu);
        }
    }

    /** True for products small enough that plain loops beat packing. */
    static boolean direct(int m, int k, int n) {
        return (long) m * n * k < SMALL_WORK;
    }

    private static void check(float[] a, float[] b, float[] c, int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException("sgemm: m, k, n must be >= 0, got m=" + m + ", k=" + k + ", n=" + n);
        }
        if (a.length < (long) m * k) {
            throw new IllegalArgumentException("sgemm: a has " + a.length + " floats, needs m*k = " + (long) m * k);
        }
        if (b.length < (long) k * n) {
            throw new IllegalArgumentException("sgemm: b has " + b.length + " floats, needs k*n = " + (long) k * n);
        }
        if (c.length < (long) m * n) {
            throw new IllegalArgumentException("sgemm: c has " + c.length + " floats, needs m*n = " + (long) m * n);
        }
    }

    /** The blocked path; m·n·k >= SMALL_WORK, so m, k, n >= 1. Bias and relu as in matmulBias. */
    private void multiply(float[] a, boolean transposeA, float[] b, boolean transposeB, float[] c,
                          int m, int k, int n, boolean accumulate, float[] bias, boolean relu) {
        boolean parallel = (long) m * n * k >= parallelWork && KernelPool.threads() > 1;
        int kBlocks = ceilDiv(k, KC);
        int kc = ceilDiv(k, kBlocks);
        int blockCols = Math.max(NR, packLimit / k / NR * NR);
        int blockRows = Math.max(MR, packLimit / k / MR * MR);
        Workspace ws = WORKSPACE.get();
        Block block = ws.block;
        try {
            for (int j0 = 0; j0 < n; j0 += blockCols) {
                int nb = Math.min(blockCols, n - j0);
                for (int i0 = 0; i0 < m; i0 += blockRows) {
                    int mb = Math.min(blockRows, m - i0);
                    block.set(a, transposeA, b, transposeB, c, m, k, n, kc,
                            i0, mb, j0, nb, accumulate, ws.packedA(roundUp(mb, MR) * k),
                            ws.packedB(roundUp(nb, NR) * k));
                    block.epilogue(bias, relu);
                    block.pack(parallel, i0 == 0);
                    block.compute(parallel);
                }
            }
        } finally {
            block.release();
        }
    }

    /**
     * One outer block of C (rows i0..i0+mb, columns j0..j0+nb), with its packed operands. Packed
     * layout: the K block starting at p0 (depth kcb) of row panel ir sits at
     * {@code p0·mbPadded + ir·kcb·MR} in packedA, and of column panel jr at
     * {@code p0·nbPadded + jr·kcb·NR} in packedB.
     */
    private static final class Block {
        private float[] a;
        private boolean transposeA;
        private float[] b;
        private boolean transposeB;
        private float[] c;
        private int m;
        private int k;
        private int n;
        private int kc;
        private int i0;
        private int mb;
        private int j0;
        private int nb;
        private boolean accumulate;
        private float[] packedA;
        private float[] packedB;
        private float[] bias;
        private boolean relu;
        // Set per compute() call: how C is cut into tiles.
        private int aTasks;
        private int panelsPerRowTile;
        private int panelsPerColTile;
        private int tilesAcross;
        // Bound once, so that a call allocates no lambda.
        private final IntConsumer packTask = this::packTask;
        private final IntConsumer tileTask = this::tileTask;

        void set(float[] a, boolean transposeA, float[] b, boolean transposeB, float[] c,
                 int m, int k, int n, int kc, int i0, int mb, int j0, int nb, boolean accumulate,
                 float[] packedA, float[] packedB) {
            this.a = a;
            this.transposeA = transposeA;
            this.b = b;
            this.transposeB = transposeB;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.kc = kc;
            this.i0 = i0;
            this.mb = mb;
            this.j0 = j0;
            this.nb = nb;
            this.accumulate = accumulate;
            this.packedA = packedA;
            this.packedB = packedB;
        }

        /** Bias (null for none) and relu, applied to each micro-tile after its last K block. */
        void epilogue(float[] bias, boolean relu) {
            this.bias = bias;
            this.relu = relu;
        }

        /** Drops the references to the caller's arrays, so they are not kept reachable between calls. */
        void release() {
            a = null;
            b = null;
            c = null;
            bias = null;
        }

        int rowPanels() {
            return ceilDiv(mb, MR);
        }

        int colPanels() {
            return ceilDiv(nb, NR);
        }

        /** Packs this block's A panels, and its B panels too when {@code withB}. */
        void pack(boolean parallel, boolean withB) {
            aTasks = rowPanels();
            int tasks = aTasks + (withB ? colPanels() : 0);
            forEach(parallel, tasks, packTask);
        }

        private void packTask(int t) {
            if (t < aTasks) {
                packRowPanel(t);
            } else {
                packColPanel(t - aTasks);
            }
        }

        private void packRowPanel(int ir) {
            int mbPadded = rowPanels() * MR;
            for (int p0 = 0; p0 < k; p0 += kc) {
                int kcb = Math.min(kc, k - p0);
                SgemmPacking.packA(a, transposeA, m, k, i0 + ir * MR, p0, kcb,
                        packedA, p0 * mbPadded + ir * kcb * MR);
            }
        }

        private void packColPanel(int jr) {
            int nbPadded = colPanels() * NR;
            for (int p0 = 0; p0 < k; p0 += kc) {
                int kcb = Math.min(kc, k - p0);
                SgemmPacking.packB(b, transposeB, k, n, j0 + jr * NR, p0, kcb,
                        packedB, p0 * nbPadded + jr * kcb * NR);
            }
        }

        /** Computes all tiles of C in this block. */
        void compute(boolean parallel) {
            int rowPanels = rowPanels();
            int colPanels = colPanels();
            int rowTiles = ceilDiv(rowPanels, MC / MR);
            int colTiles = ceilDiv(colPanels, TN / NR);
            if (parallel) {
                // Enough tiles for work stealing to even out the load; split columns first since
                // the packed A block is the larger thing a tile keeps in L2.
                int wanted = 4 * KernelPool.threads();
                while (rowTiles * colTiles < wanted && (colTiles < colPanels || rowTiles < rowPanels)) {
                    if (colTiles < colPanels) {
                        colTiles = Math.min(colPanels, colTiles * 2);
                    } else {
                        rowTiles = Math.min(rowPanels, rowTiles * 2);
                    }
                }
            }
            panelsPerRowTile = ceilDiv(rowPanels, rowTiles);
            panelsPerColTile = ceilDiv(colPanels, colTiles);
            int tilesDown = ceilDiv(rowPanels, panelsPerRowTile);
            tilesAcross = ceilDiv(colPanels, panelsPerColTile);
            forEach(parallel, tilesDown * tilesAcross, tileTask);
        }

        private void tileTask(int t) {
            int firstRow = (t / tilesAcross) * panelsPerRowTile;
            int firstCol = (t % tilesAcross) * panelsPerColTile;
            computeTile(firstRow, Math.min(rowPanels(), firstRow + panelsPerRowTile),
                    firstCol, Math.min(colPanels(), firstCol + panelsPerColTile));
        }

        /** Computes row panels [irFrom, irTo) × column panels [jrFrom, jrTo) of C over all of K. */
        private void computeTile(int irFrom, int irTo, int jrFrom, int jrTo) {
            int mbPadded = rowPanels() * MR;
            int nbPadded = colPanels() * NR;
            float[] edge = null;
            for (int p0 = 0; p0 < k; p0 += kc) {
                int kcb = Math.min(kc, k - p0);
                boolean add = accumulate || p0 > 0;
                boolean last = p0 + kcb == k;
                for (int jr = jrFrom; jr < jrTo; jr++) {
                    int bOff = p0 * nbPadded + jr * kcb * NR;
                    int col = j0 + jr * NR;
                    int cols = Math.min(NR, j0 + nb - col);
                    for (int ir = irFrom; ir < irTo; ir++) {
                        int aOff = p0 * mbPadded + ir * kcb * MR;
                        int row = i0 + ir * MR;
                        int rows = Math.min(MR, i0 + mb - row);
                        int cOff = row * n + col;
                        if (rows == MR && cols == NR) {
                            SgemmMicroKernel.run(packedA, aOff, packedB, bOff, kcb, c, cOff, n, add);
                            if (last && (bias != null || relu)) {
                                SgemmMicroKernel.epilogue(c, cOff, n, bias, col, relu);
                            }
                        } else {
                            if (edge == null) {
                                edge = EDGE_TILE.get();
                            }
                            if (add) {
                                copyTile(c, cOff, n, edge, 0, NR, rows, cols);
                            }
                            SgemmMicroKernel.run(packedA, aOff, packedB, bOff, kcb, edge, 0, NR, add);
                            copyTile(edge, 0, NR, c, cOff, n, rows, cols);
                            if (last && (bias != null || relu)) {
                                for (int r = 0; r < rows; r++) {
                                    SgemmEpilogue.row(c, cOff + r * n, bias, col, cols, relu);
                                }
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

    private static void forEach(boolean parallel, int tasks, IntConsumer body) {
        if (parallel) {
            KernelPool.run(tasks, body);
        } else {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
        }
    }

    private static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    private static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }

    @Override
    public String toString() {
        return "VectorSgemm[" + SgemmMicroKernel.SPECIES.vectorBitSize() + "-bit, " + MR + "x" + NR + "]";
    }
}
