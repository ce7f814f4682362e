package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up policy and the median, on a fake clock that each run advances by a scripted amount. */
class WarmTimerTest {
    private long now;
    private int runs;

    private Runnable work(List<Long> nanosPerRun) {
        Deque<Long> script = new ArrayDeque<>(nanosPerRun);
        return () -> {
            now += script.removeFirst();
            runs++;
        };
    }

    @Test
    void warmsUpUntilTheMinimumTimeThenReportsTheMedianOfTheRepeats() {
        var size = new BenchSize("test", 1.0, 1, 3, 1, 1, 1);
        // Warm-up runs of 0.4 s: after 3 of them 1.2 s >= 1 s have passed. Then 5 ms, 1 ms, 3 ms.
        var work = work(List.of(400_000_000L, 400_000_000L, 400_000_000L, 5_000_000L, 1_000_000L, 3_000_000L));
        double ms = new WarmTimer(size, () -> now).medianMillis(work);
        assertEquals(3.0, ms, 1e-12);
        assertEquals(6, runs);
    }

    @Test
    void warmsUpAtLeastTheMinimumRunsEvenWhenTimeIsUp() {
        var size = new BenchSize("test", 0.0, 2, 2, 1, 1, 1);
        var work = work(List.of(9_000_000_000L, 9_000_000_000L, 2_000_000L, 4_000_000L));
        double ms = new WarmTimer(size, () -> now).medianMillis(work);
        assertEquals(3.0, ms, 1e-12, "median of an even count is the mean of the middle two");
        assertEquals(4, runs);
    }
}
