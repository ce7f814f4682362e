package dev.jnn.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The one thread pool that all kernels share, so that parallel kernels never oversubscribe the CPU.
 *
 * <p>Its size comes from the system property {@code jnn.threads} (default: the number of available
 * processors). A kernel hands it a number of independent tasks; a call made from inside the pool
 * runs its tasks in the calling thread, so parallel regions never nest. The pool's threads are
 * daemons and are created on the first parallel call.
 *
 * <pre>{@code
 * KernelPool.run(tiles, t -> computeTile(t));   // tasks 0..tiles-1, in parallel, then returns
 * }</pre>
 */
final class KernelPool {
    private static final int THREADS = parseThreads(System.getProperty("jnn.threads"),
            Runtime.getRuntime().availableProcessors());

    private KernelPool() {
    }

    /** Created on first use, so a program that only runs small kernels starts no thread. */
    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(THREADS, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("jnn-kernel-" + thread.getPoolIndex());
            return thread;
        }, null, false);
    }

    /** The number of threads parallel kernels use. */
    static int threads() {
        return THREADS;
    }

    /**
     * Reads the {@code jnn.threads} property: null means {@code defaultThreads}.
     *
     * @throws IllegalArgumentException when the value is not a positive integer
     */
    static int parseThreads(String value, int defaultThreads) {
        if (value == null || value.isBlank()) {
            return Math.max(1, defaultThreads);
        }
        int threads;
        try {
            threads = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jnn.threads must be a positive integer, got '" + value + "'", e);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("jnn.threads must be a positive integer, got '" + value + "'");
        }
        return threads;
    }

    /**
     * Runs {@code body} for task indices 0..tasks-1 and returns when all are done. Tasks run in the
     * pool when there are several, the pool has more than one thread and the caller is not already
     * one of its threads; otherwise they run one after the other in the calling thread.
     */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || THREADS == 1 || insidePool()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        Holder.POOL.invoke(new Range(0, tasks, body));
    }

    private static boolean insidePool() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == Holder.POOL;
    }

    /** Splits an index range in halves until one task is left, so idle threads can steal halves. */
    private static final class Range extends RecursiveAction {
        private final int from;
        private final int to;
        private final IntConsumer body;

        Range(int from, int to, IntConsumer body) {
            this.from = from;
            this.to = to;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                body.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(from, mid, body), new Range(mid, to, body));
        }
    }
}
