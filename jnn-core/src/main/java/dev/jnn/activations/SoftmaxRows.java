package dev.jnn.activations;

import dev.jnn.kernels.Elementwise;
import dev.jnn.kernels.ElementwiseKernels;
import dev.jnn.kernels.Parallel;
import java.util.function.IntConsumer;

/**
 * Softmax over the rows of a large block, the rows shared among the kernel pool's threads.
 *
 * <p>Why: rows narrower than two vectors (the 10 classes of a classifier) run in the scalar kernel, which
 * evaluates exp in double; at predict's batch of 1024 that was about 0.2 ms per batch on one core while
 * the other core waited, some 2% of mlp_infer. Rows are independent, so each task's rows get the bits
 * the one-thread call gives them. The task object is per thread and reused, so a call allocates nothing.
 */
final class SoftmaxRows {
    /** Values per task: about 50 µs of the scalar kernel. */
    private static final long GRAIN = 1 << 12;
    private static final Elementwise ELEMENTWISE = ElementwiseKernels.get();
    private static final ThreadLocal<SoftmaxRows> TASKS = ThreadLocal.withInitial(SoftmaxRows::new);

    private float[] x;
    private float[] y;
    private int rows;
    private int cols;
    private int tasks;
    private final IntConsumer task = this::rows;

    private SoftmaxRows() {
    }

    /** {@code y = softmax(x)} row by row, on {@code rows × cols} values. */
    static void forward(float[] x, float[] y, int rows, int cols) {
        int tasks = Parallel.tasks(rows, (long) rows * cols, GRAIN);
        if (tasks == 1) {
            ELEMENTWISE.softmaxRows(x, 0, y, 0, rows, cols);
            return;
        }
        SoftmaxRows call = TASKS.get();
        call.x = x;
        call.y = y;
        call.rows = rows;
        call.cols = cols;
        call.tasks = tasks;
        try {
            Parallel.run(tasks, call.task);
        } finally {
            call.x = null;
            call.y = null;
        }
    }

    private void rows(int t) {
        int r0 = Parallel.start(t, tasks, rows);
        int r1 = Parallel.start(t + 1, tasks, rows);
        ELEMENTWISE.softmaxRows(x, r0 * cols, y, r0 * cols, r1 - r0, cols);
    }
}
