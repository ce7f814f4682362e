package dev.jnn.cli.compare;

import dev.jnn.kernels.Parallel;

/**
 * Keeps parallel training runs from oversubscribing the cores. jnn's kernels share one pool sized
 * once per JVM from {@code -Djnn.threads} (it cannot be set per run), and while one run's kernel is
 * using the pool, every other run's kernels run single-threaded anyway. When several runs go in
 * parallel, each run should simply use one core: this asks for {@code jnn.threads=1} before the pool
 * exists, unless the user chose a value. Results do not depend on it: kernels split work by size,
 * never by thread count.
 */
public final class KernelThreads {
    private KernelThreads() {
    }

    /**
     * Requests single-threaded kernels when {@code parallelRuns > 1} and {@code jnn.threads} is unset;
     * returns a note when the kernels nevertheless use more than one thread (the pool already existed,
     * or the user set it), else null.
     */
    public static String forParallelRuns(int parallelRuns) {
        if (parallelRuns > 1 && System.getProperty("jnn.threads") == null) {
            System.setProperty("jnn.threads", "1");
        }
        int kernelThreads = Parallel.threads();
        if (parallelRuns > 1 && kernelThreads > 1) {
            return "note: " + parallelRuns + " runs in parallel, each with kernels on up to " + kernelThreads
                    + " threads (-Djnn.threads=" + System.getProperty("jnn.threads", "default")
                    + " or the pool existed before this command); the cores may be oversubscribed";
        }
        return null;
    }
}
