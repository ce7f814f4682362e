package dev.jnn.cli;

import java.util.function.LongSupplier;

/**
 * Times a piece of work in a warm JVM: untimed runs until both the minimum warm-up time and the
 * minimum number of warm-up runs are reached, then {@code repeats} timed runs, reporting the median.
 * The median (not the mean) keeps one run disturbed by GC or by another process from moving the
 * figure, as in the PyTorch anchors.
 *
 * <pre>{@code
 * double ms = new WarmTimer(BenchSize.FULL).medianMillis(() -> model.fit(x, y, options));
 * }</pre>
 */
final class WarmTimer {
    private final BenchSize size;
    private final LongSupplier nanoTime;

    /** A timer on {@link System#nanoTime()}. */
    WarmTimer(BenchSize size) {
        this(size, System::nanoTime);
    }

    /** A timer on the given clock (tests pass a fake one). */
    WarmTimer(BenchSize size, LongSupplier nanoTime) {
        this.size = size;
        this.nanoTime = nanoTime;
    }

    /** The median wall time, in milliseconds, of {@code work} over the timed repeats. */
    double medianMillis(Runnable work) {
        long warmupNanos = (long) (size.warmupSeconds() * 1e9);
        long start = nanoTime.getAsLong();
        int warmups = 0;
        while (warmups < size.warmupRuns() || nanoTime.getAsLong() - start < warmupNanos) {
            work.run();
            warmups++;
        }
        double[] millis = new double[size.repeats()];
        for (int i = 0; i < millis.length; i++) {
            long t0 = nanoTime.getAsLong();
            work.run();
            millis[i] = (nanoTime.getAsLong() - t0) / 1e6;
        }
        return XorStudy.median(millis);
    }
}
