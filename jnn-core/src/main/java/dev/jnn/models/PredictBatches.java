package dev.jnn.models;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Parallel;
import dev.jnn.tensor.Tensor;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The input batches of one {@code predict} call: rows {@code [from, to)} of each input, copied into
 * buffers reused from batch to batch and checked for non-finite values on the way.
 *
 * <p>Why not slice and check up front: a fresh copy per batch (a 1024×784 batch is 3.2 MB) costs an
 * allocation and its zeroing every batch, and a separate finiteness pass reads the whole input from
 * memory once more. Here each batch is copied in chunks shared with the kernel pool's threads, and a
 * chunk is checked right after its copy, while it is still in cache. When one batch holds every
 * sample (and the input has no mask, which the model would overwrite), the input itself is used,
 * checked once. A non-finite value fails with the same message as
 * the up-front check (input name, row, column) before its batch is predicted.
 */
final class PredictBatches {
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    /** Floats per copy task: about 256 KB, which stays in L2 between the copy and its check. */
    private static final long GRAIN = 1 << 16;

    private final List<Tensor> xs;
    /** Two buffers per input: full batches and the last, shorter one. */
    private final Tensor[][] buffers;
    // The copy in progress, read by the tasks.
    private float[] source;
    private float[] target;
    private int rowSize;
    private int firstRow;
    private int rows;
    private int tasks;
    private volatile boolean nonFinite;
    private final IntConsumer copyTask = this::copyChunk;

    PredictBatches(List<Tensor> xs) {
        this.xs = xs;
        this.buffers = new Tensor[xs.size()][2];
    }

    /** Rows {@code [from, to)} of input {@code i}, checked; the tensor is valid until the next call for this input. */
    Tensor rows(int i, int from, int to, String name) {
        Tensor x = xs.get(i);
        // A mask on x would be cleared by the model's Input layer, so x goes through as is only without one.
        if (from == 0 && to == x.rows() && x.mask() == null) {
            DataChecks.finite("predict", name, x);
            return x;
        }
        Tensor buffer = buffer(i, x, to - from);
        source = x.data();
        target = buffer.data();
        rowSize = x.rowSize();
        firstRow = from;
        rows = to - from;
        nonFinite = false;
        tasks = Parallel.tasks(rows, (long) rows * rowSize, GRAIN);
        try {
            Parallel.run(tasks, copyTask);
        } finally {
            source = null;
            target = null;
        }
        if (nonFinite) {
            DataChecks.finite("predict", name, x);   // names the first bad row
        }
        return buffer;
    }

    private Tensor buffer(int i, Tensor x, int rows) {
        Tensor[] slots = buffers[i];
        int slot = slots[0] == null || slots[0].rows() == rows ? 0 : 1;
        if (slots[slot] == null || slots[slot].rows() != rows) {
            int[] dims = x.shape().dims();
            dims[0] = rows;
            slots[slot] = Tensor.zeros(dims);
        }
        return slots[slot];
    }

    private void copyChunk(int t) {
        int r0 = Parallel.start(t, tasks, rows);
        int r1 = Parallel.start(t + 1, tasks, rows);
        int length = (r1 - r0) * rowSize;
        int at = r0 * rowSize;
        System.arraycopy(source, (firstRow + r0) * rowSize, target, at, length);
        if (!ELEMENTWISE.allFinite(target, at, length)) {
            nonFinite = true;
        }
    }
}
