package dev.jnn.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one set of threads that all kernels share, so that parallel kernels never oversubscribe the CPU.
 *
 * <p>Its size comes from the system property {@code jnn.threads} (default: the number of available
 * processors): the calling thread plus {@code jnn.threads - 1} worker threads work on a parallel
 * region. The caller starts on the tasks at once and the workers join as they wake up, taking the
 * next task from a shared counter; waking a parked thread takes tens of microseconds on a virtual
 * machine, which would otherwise be paid twice per matrix product (packing, then tiles).
 *
 * <p>A region allocates nothing: the workers are created once (daemons, on the first parallel
 * call) and park between regions, and the region's description lives in reused fields. One region
 * runs at a time. A call made while a region is running — from one of its tasks (so regions never
 * nest) or from another thread — runs its tasks one after the other in the calling thread, which
 * gives the same results, since kernels never depend on which thread ran a task.
 *
 * <pre>{@code
 * KernelPool.run(tiles, t -> computeTile(t));   // tasks 0..tiles-1, in parallel, then returns
 * }</pre>
 */
final class KernelPool {
    private static final int THREADS = parseThreads(System.getProperty("jnn.threads"),
            Runtime.getRuntime().availableProcessors());
    /** How long a waiting thread spins before it parks: about the cost of a wake-up. */
    private static final int SPINS = 1 << 12;

    private KernelPool() {
    }

    /** Created on first use, so a program that only runs small kernels starts no thread. */
    private static final class Holder {
        static final Team TEAM = new Team(THREADS - 1);
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
     * with the workers when there are several, there is more than one thread and no region is
     * running; otherwise they run one after the other in the calling thread. An exception thrown by
     * a task is rethrown here once all tasks have ended (the first one, when several fail).
     */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || THREADS == 1 || !Holder.TEAM.tryEnter()) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        Holder.TEAM.run(tasks, body);
    }

    /**
     * The workers and the one region they work on.
     *
     * <p>Hand-over, per worker: the caller moves the worker's state from IDLE to ASSIGNED (after
     * writing the region's fields, so the volatile write publishes them) and unparks it; the worker
     * claims the region by moving ASSIGNED to RUNNING, takes tasks until none are left, and goes back
     * to IDLE. A worker that wakes after the caller has finished every task finds its assignment
     * withdrawn (ASSIGNED back to IDLE) and sleeps again. The caller returns only when every task is
     * done and no worker is RUNNING, so no worker can still read the fields the next region
     * overwrites. Task results are published by the increments of {@code done}, which the caller
     * reads before it returns. A parked thread is unparked after its state changes and re-checks the
     * state after every wake-up, so neither a lost nor a spurious wake-up goes wrong.
     */
    private static final class Team {
        private static final int IDLE = 0;
        private static final int ASSIGNED = 1;
        private static final int RUNNING = 2;

        private final Thread[] workers;
        private final AtomicInteger[] states;
        /** The thread running a region, or null; set by tryEnter, cleared when the region ends. */
        private final AtomicReference<Thread> owner = new AtomicReference<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        // The region: written by the owner before it assigns workers, read by RUNNING workers.
        private int tasks;
        private IntConsumer body;
        private Thread caller;

        Team(int size) {
            workers = new Thread[size];
            states = new AtomicInteger[size];
            for (int w = 0; w < size; w++) {
                int index = w;
                states[w] = new AtomicInteger(IDLE);
                workers[w] = new Thread(() -> workerLoop(index), "jnn-kernel-" + w);
                workers[w].setDaemon(true);
            }
            for (Thread worker : workers) {
                worker.start();
            }
        }

        /** Takes the team for the current thread; false when a region is already running. */
        boolean tryEnter() {
            return owner.get() == null && owner.compareAndSet(null, Thread.currentThread());
        }

        /** Runs one region; the current thread has entered. */
        void run(int tasks, IntConsumer body) {
            try {
                this.tasks = tasks;
                this.body = body;
                this.caller = Thread.currentThread();
                next.set(0);
                done.set(0);
                failure.set(null);
                int helpers = Math.min(workers.length, tasks - 1);
                for (int w = 0; w < helpers; w++) {
                    states[w].set(ASSIGNED);
                    LockSupport.unpark(workers[w]);
                }
                work();
                awaitTasks();
                for (int w = 0; w < helpers; w++) {
                    awaitWorker(w);
                }
                this.body = null;
                this.caller = null;
            } finally {
                owner.set(null);
            }
            Throwable e = failure.getAndSet(null);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
        }

        /** Takes tasks until none are left; in the caller and in RUNNING workers. */
        private void work() {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                if (done.incrementAndGet() == tasks && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }

        private void awaitTasks() {
            for (int spin = 0; done.get() < tasks && spin < SPINS; spin++) {
                Thread.onSpinWait();
            }
            while (done.get() < tasks) {
                LockSupport.park(this);
            }
        }

        /** Withdraws worker w's assignment if it has not started, else waits until it leaves. */
        private void awaitWorker(int w) {
            AtomicInteger state = states[w];
            if (state.compareAndSet(ASSIGNED, IDLE)) {
                return;
            }
            // RUNNING: every task is done, so the worker is between its last task and IDLE.
            for (int spin = 0; state.get() == RUNNING; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        private void workerLoop(int w) {
            AtomicInteger state = states[w];
            while (true) {
                for (int spin = 0; state.get() != ASSIGNED; spin++) {
                    if (spin < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                if (state.compareAndSet(ASSIGNED, RUNNING)) {
                    work();
                    state.set(IDLE);
                }
            }
        }
    }
}
