package dev.jnn.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** Measures what a steady-state step allocates on the calling thread (HotSpot's allocation counter). */
public final class Allocations {
    private static final int WINDOWS = 100;
    private static final int STEPS_PER_WINDOW = 100;

    private Allocations() {
    }

    /**
     * Bytes allocated by 100 calls of {@code step} once it has settled: windows of 100 steps are measured
     * until one is clean (at most 100 windows), so that class loading and JIT warm-up do not count; a step
     * that allocates every time never gets there and its last window's bytes are returned. The probes run
     * on the scalar kernels in a fresh JVM each (see jnn-core's pom): whether C2 keeps Vector API code out
     * of its boxing fallback is not deterministic, and JMH's gc profiler measures the vector path.
     */
    public static long steadyStateBytes(Runnable step) {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var counter = (com.sun.management.ThreadMXBean) threads;
        long thread = Thread.currentThread().threadId();
        long allocated = -1;
        for (int window = 0; window < WINDOWS && allocated != 0; window++) {
            long before = counter.getThreadAllocatedBytes(thread);
            for (int i = 0; i < STEPS_PER_WINDOW; i++) {
                step.run();
            }
            allocated = counter.getThreadAllocatedBytes(thread) - before;
        }
        return allocated;
    }
}
