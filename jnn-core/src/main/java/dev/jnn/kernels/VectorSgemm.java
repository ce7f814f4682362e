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
 * - otherwise the blocked path: op(B) is packed into K blocks of NR-column panels (one task per
 *   panel; in column blocks of at most PACK_LIMIT floats), then SgemmProduct computes C, each of its
 *   tasks packing its own rows of op(A). Both use the shared KernelPool when m·n·k >= PARALLEL_WORK
 *   and run in the calling thread below that (a fork/join round trip costs microseconds).
 * - pre-packed: pack() packs op(B) once into a PackedMatrix and matmul(a, aOffset, packed, ...) runs
 *   SgemmProduct on it, for a B used many times (a recurrent kernel at every time step, a Dense kernel
 *   over the batches of a predict). The rounding is that of the blocked path.
 *
 * matmulBias (Dense's forward) adds the bias and applies ReLU to each micro-tile right after its last
 * K block, while the tile is in L1, instead of two more passes over C; the float operations are those
 * of a separate bias add and ReLU, so the bits are the same. Reading A in place instead of packing it
 * (the packing of A·B is ~8% of a 1024×784×256 product) was tried with a strided 4-row kernel and
 * measured 6% slower overall on a Zen 1 core (single thread, CPU time, predict of the 784-256-128-10
 * MLP), so A is packed; since each product task packs its own rows right before using them, the
 * packed rows are read back from L2 rather than from memory.
 * Every C element is one multiply-add chain over p in order (see SgemmMicroKernel), so results do
 * not depend on tiles, threads or path.
 *
 * Why these sizes: MC = 16·MR and KC = 256 keep the blocks above inside L1 and L2 (L2 is 512 KB
 * to 1 MB per core on current x86). On a Zen 1 core (AVX2) single-threaded, MC from 16·MR to 48·MR
 * and KC from 256 to 512 were all within 3% of each other at 34 GFLOP/s (OpenBLAS: 34-36). A K of up
 * to KC_SINGLE = 1024 is not split at all: C is then loaded and stored once instead of once per K
 * block, and a B panel (up to 64 KB) streams from L2 fast enough. Measured on a Zen 1 core (one thread,
 * CPU time): 1024×784×256 32.8 → 35.6 GFLOP/s, 128×784×256 31.4 → 35.4, 1024³ 31.8 → 34.3; mlp_infer
 * on two threads +5%; K of 3200 (an LSTM's weight gradients over all steps) was slower in blocks of
 * 800 than of 256, so longer K keeps KC. B is packed once for all threads, up front: splitting columns
 * with per-thread packing of B as well as A was measured 27% slower on an AVX-512 machine.
 */
final class VectorSgemm implements Sgemm {
    private static final int NR = SgemmMicroKernel.NR;
    /** Depth of one K block. */
    static final int KC = 256;
    /** Products with K up to this run as one K block (see the note on sizes above). */
    static final int KC_SINGLE = 1024;
    /** Rows of a C tile (a multiple of MR). */
    static final int MC = 16 * SgemmMicroKernel.MR;
    /** Below this many multiply-adds, the plain loops win. */
    static final long SMALL_WORK = 256;
    /**
     * From this many multiply-adds on, the product is shared among the pool's threads: about 30 µs on
     * one Zen 1 core, against a few µs for a region. (2²¹ left predict's 1024×128×10 output layer on one
     * thread, about 3% of mlp_infer with the other core idle.)
     */
    static final long PARALLEL_WORK = 1L << 20;
    /** The most floats the packed B of one call may take (8 MB); larger products go in column blocks. */
    static final int PACK_LIMIT = 1 << 21;
    /** From this many packed floats on, B's column panels are packed by the pool's threads. */
    static final int PARALLEL_PACK = 1 << 16;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** The calling thread's packed B and product runner, reused from call to call. */
    private static final class Workspace {
        final PackedMatrix packedB = new PackedMatrix();
        final SgemmProduct product = new SgemmProduct();
        final PanelPacker packer = new PanelPacker();
    }

    /** Packs the column panels of op(B), one task per panel. */
    private static final class PanelPacker {
        private float[] b;
        private boolean transposed;
        private int k;
        private int n;
        private int j0;
        private int kc;
        private int nbPadded;
        private float[] dst;
        private final IntConsumer task = this::panel;

        void pack(float[] b, boolean transposed, int k, int n, int j0, int nb, float[] dst, boolean parallel) {
            this.b = b;
            this.transposed = transposed;
            this.k = k;
            this.n = n;
            this.j0 = j0;
            this.kc = SgemmProduct.kc(k);
            this.nbPadded = ceilDiv(nb, NR) * NR;
            this.dst = dst;
            try {
                int panels = nbPadded / NR;
                if (parallel && (long) k * nbPadded >= PARALLEL_PACK) {
                    KernelPool.run(panels, task);
                } else {
                    for (int jr = 0; jr < panels; jr++) {
                        panel(jr);
                    }
                }
            } finally {
                this.b = null;
                this.dst = null;
            }
        }

        private void panel(int jr) {
            SgemmPacking.packColumnPanel(b, transposed, k, n, j0, jr, kc, nbPadded, dst);
        }
    }

    private final long parallelWork;
    private final int packLimit;

    VectorSgemm() {
        this(PARALLEL_WORK, PACK_LIMIT);
    }

    /** With other thresholds, so that tests can reach the parallel and column-block paths cheaply. */
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
        SgemmEpilogue.checkBias(bias, n);
        if (direct(m, k, n)) {
            DirectSgemm.matmul(a, b, c, m, k, n, false);
            for (int i = 0; i < m; i++) {
                SgemmEpilogue.row(c, i * n, bias, 0, n, relu);
            }
        } else {
            multiply(a, false, b, false, c, m, k, n, false, bias, relu);
        }
    }

    @Override
    public void pack(float[] b, boolean transposeB, int k, int n, PackedMatrix into) {
        if (k < 0 || n < 0) {
            throw new IllegalArgumentException("sgemm: k, n must be >= 0, got k=" + k + ", n=" + n);
        }
        if (b.length < (long) k * n) {
            throw new IllegalArgumentException("sgemm: b has " + b.length + " floats, needs k*n = " + (long) k * n);
        }
        long floats = (long) k * roundUp(n, NR);
        if (floats > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("sgemm: cannot pack a " + k + "x" + n + " matrix in one array");
        }
        float[] dst = into.reset(this, k, n, (int) floats);
        WORKSPACE.get().packer.pack(b, transposeB, k, n, 0, n, dst, KernelPool.threads() > 1);
    }

    @Override
    public void matmul(float[] a, int aOffset, PackedMatrix b, float[] c, int cOffset, int m, boolean accumulate) {
        b.checkProduct(this, a, aOffset, c, cOffset, m);
        SgemmProduct product = WORKSPACE.get().product;
        product.set(a, aOffset, false, m, b.k, b.data, b.n, c, cOffset, b.n, accumulate);
        product.run(parallel(m, b.k, b.n));
    }

    @Override
    public void matmulBias(float[] a, int aOffset, PackedMatrix b, float[] bias, float[] c, int cOffset, int m,
                           boolean relu) {
        b.checkProduct(this, a, aOffset, c, cOffset, m);
        SgemmEpilogue.checkBias(bias, b.n);
        SgemmProduct product = WORKSPACE.get().product;
        product.set(a, aOffset, false, m, b.k, b.data, b.n, c, cOffset, b.n, false);
        product.epilogue(bias, 0, relu);
        product.run(parallel(m, b.k, b.n));
    }

    /** True for products small enough that plain loops beat packing. */
    static boolean direct(int m, int k, int n) {
        return (long) m * n * k < SMALL_WORK;
    }

    private boolean parallel(int m, int k, int n) {
        return (long) m * n * k >= parallelWork && KernelPool.threads() > 1;
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

    /**
     * The blocked path; m·n·k >= SMALL_WORK, so m, k, n >= 1. Packs op(B) in column blocks of at most
     * packLimit floats, then runs the product of each block. Bias and relu as in matmulBias.
     */
    private void multiply(float[] a, boolean transposeA, float[] b, boolean transposeB, float[] c,
                          int m, int k, int n, boolean accumulate, float[] bias, boolean relu) {
        boolean parallel = parallel(m, k, n);
        int blockCols = Math.max(NR, packLimit / k / NR * NR);
        Workspace ws = WORKSPACE.get();
        for (int j0 = 0; j0 < n; j0 += blockCols) {
            int nb = Math.min(blockCols, n - j0);
            float[] packed = ws.packedB.reset(this, k, nb, k * roundUp(nb, NR));
            ws.packer.pack(b, transposeB, k, n, j0, nb, packed, parallel);
            ws.product.set(a, 0, transposeA, m, k, packed, nb, c, j0, n, accumulate);
            ws.product.epilogue(bias, j0, relu);
            ws.product.run(parallel);
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
        return "VectorSgemm[" + SgemmMicroKernel.SPECIES.vectorBitSize() + "-bit, " + SgemmMicroKernel.MR + "x" + NR + "]";
    }
}
