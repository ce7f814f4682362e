package dev.jnn.kernels;

import java.util.function.IntConsumer;

/**
 * The shared kernel pool ({@code KernelPool}) for loops outside this package, e.g. a layer that splits
 * its gathers, scatters and element-wise passes over the samples of a batch.
 *
 * <p>Callers choose the number of tasks from the size of the work only ({@link #tasks}), never from the
 * number of threads, and give each task a disjoint part of the output: the results then do not
 * depend on the thread count. One task, or a call made from inside a task, runs in the calling
 * thread and allocates nothing, which keeps small steady-state steps allocation-free.
 *
 * <pre>{@code
 * int tasks = Parallel.tasks(batch, batch * perSample, 1 << 15);
 * Parallel.run(tasks, boundBody);                 // body: a field, so no lambda per call
 * }</pre>
 */
public final class Parallel {
    private Parallel() {
    }

    /** Threads the pool runs a region on, the caller included ({@code -Djnn.threads}). */
    public static int threads() {
        return KernelPool.threads();
    }

    /** Runs {@code body} for task indices 0..tasks-1, sharing them with the pool's threads, and returns when all are done. */
    public static void run(int tasks, IntConsumer body) {
        KernelPool.run(tasks, body);
    }

    /**
     * How many tasks to split {@code items} items (e.g. samples) of {@code work} total cost into: about
     * one per {@code grain} of work, at least 1 and at most {@code items}. Depends on the sizes only.
     */
    public static int tasks(int items, long work, long grain) {
        if (items <= 1) {
            return 1;
        }
        return (int) Math.max(1, Math.min(items, work / Math.max(grain, 1)));
    }

    /** The first item of task {@code t} when {@code items} items are cut into {@code tasks} near-equal runs. */
    public static int start(int t, int tasks, int items) {
        return (int) ((long) t * items / tasks);
    }
}
