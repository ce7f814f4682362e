package dev.jnn.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one thread pool that all kernels share, so that parallel kernels never oversubscribe the CPU.
 *
 * <p>Its size comes from the system property {@code jnn.threads} (default: the number of available
 * processors): the calling thread plus {@code jnn.threads - 1} pool threads work on a parallel
 * region. The caller starts on the tasks at once and the pool threads join as they wake up, taking
 * the next task from a shared counter; waking a parked thread takes tens of microseconds on a
 * virtual machine, which would otherwise be paid twice per matrix product (packing, then tiles).
 * A call made from inside a region (by a task) runs its tasks in the calling thread, so parallel
 * regions never nest. The pool's threads are daemons, created on the first parallel call.
 *
 * <pre>{@code
 * KernelPool.run(tiles, t -> computeTile(t));   // tasks 0..tiles-1, in parallel, then returns
 * }</pre>
 */
final class KernelPool {
    private static final int THREADS = parseThreads(System.getProperty("jnn.threads"),
            Runtime.getRuntime().availableProcessors());
    /** Bound while the current thread runs tasks of a region. */
    private static final ScopedValue<Boolean> IN_REGION = ScopedValue.newInstance();
    /** How long a caller spins for the last tasks before it parks: about the cost of a wake-up. */
    private static final int SPINS = 1 << 12;

    private KernelPool() {
    }

    /** Created on first use, so a program that only runs small kernels starts no thread. */
    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(THREADS - 1, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("jnn-kernel-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, false);
    }

    /** The number of threads parallel kernels use, the caller included. */
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
     * Runs {@code body} for task indices 0..tasks-1 and returns when all are done. Tasks are shared
     * with the pool when there are several, there is more than one thread and the caller is not
     * already running a task; otherwise they run one after the other in the calling thread. An
     * exception thrown by a task is rethrown here once all tasks have ended.
     */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || THREADS == 1 || IN_REGION.isBound()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        var region = new Region(tasks, body, Thread.currentThread());
        int helpers = Math.min(THREADS - 1, tasks - 1);
        for (int h = 0; h < helpers; h++) {
            Holder.POOL.execute(region::work);
        }
        region.work();
        region.await();
    }

    /** One parallel region: a counter hands out task indices to whichever thread asks first. */
    private static final class Region {
        private final int tasks;
        private final IntConsumer body;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Region(int tasks, IntConsumer body, Thread caller) {
            this.tasks = tasks;
            this.body = body;
            this.caller = caller;
        }

        void work() {
            ScopedValue.where(IN_REGION, Boolean.TRUE).run(() -> {
                for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                    try {
                        body.accept(t);
                    } catch (Throwable e) {
                        failure = e;
                    }
                    if (done.incrementAndGet() == tasks && Thread.currentThread() != caller) {
                        LockSupport.unpark(caller);
                    }
                }
            });
        }

        /** Called by the caller after its own share: waits for tasks still running elsewhere. */
        void await() {
            for (int spin = 0; done.get() < tasks && spin < SPINS; spin++) {
                Thread.onSpinWait();
            }
            while (done.get() < tasks) {
                LockSupport.park(this);
            }
            Throwable e = failure;
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }
}
