package dev.jnn.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks (training runs) on a fixed pool of threads and returns their results in
 * task order, so that what a caller builds from them does not depend on the number of threads or on
 * which task finished first.
 *
 * <pre>{@code
 * List<RunOutcome> outcomes = ParallelRuns.run(tasks, 4, Long.MAX_VALUE);
 * }</pre>
 */
public final class ParallelRuns {
    private ParallelRuns() {
    }

    /**
     * Runs {@code tasks} on {@code threads} threads. A task not yet started when {@link System#nanoTime()}
     * passes {@code deadlineNanos} is skipped and its result is null (time budgets); started tasks finish.
     *
     * @throws IllegalStateException wrapping the first task failure
     */
    public static <T> List<T> run(List<Callable<T>> tasks, int threads, long deadlineNanos) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> System.nanoTime() - deadlineNanos > 0 ? null : task.call()));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A deadline {@code seconds} from now, or none when {@code seconds} is null. */
    public static long deadline(Double seconds) {
        return seconds == null ? System.nanoTime() + Long.MAX_VALUE / 2 : System.nanoTime() + (long) (seconds * 1e9);
    }
}
