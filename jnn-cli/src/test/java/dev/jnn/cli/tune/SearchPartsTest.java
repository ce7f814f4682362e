package dev.jnn.cli.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.cli.compare.ParallelRuns;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class SearchPartsTest {
    @Test
    void trialSeedsAreStableDistinctAndFitASpec() {
        assertEquals(Trial.seed(0, 3), Trial.seed(0, 3));
        assertNotEquals(Trial.seed(0, 3), Trial.seed(0, 4));
        assertNotEquals(Trial.seed(0, 3), Trial.seed(1, 3));
        for (int t = 0; t < 100; t++) {
            long s = Trial.seed(42, t);
            assertTrue(s >= 0 && s < (1L << 31), "seed " + s);
        }
    }

    @Test
    void rangesSampleInsideAndGridOnTheirScale() {
        var lr = new Hyperparameter.Range("lr", 1e-4, 1e-1, true, false, 4);
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1), lr.grid().stream()
                .map(v -> Math.round((double) v * 1e6) / 1e6).toList());
        SplittableRandom random = new SplittableRandom(7);
        int below = 0;
        for (int i = 0; i < 1000; i++) {
            double v = (double) lr.sample(random);
            assertTrue(v >= 1e-4 && v <= 1e-1);
            below += v < 1e-2 ? 1 : 0;
        }
        // Log-uniform: two of the three decades lie below 1e-2 (uniform would put 10% there).
        assertTrue(below > 600 && below < 730, "below 1e-2: " + below);
        var depth = new Hyperparameter.Range("depth", 1, 3, false, true, 0);
        for (int i = 0; i < 50; i++) {
            int d = (int) depth.sample(random);
            assertTrue(d >= 1 && d <= 3);
        }
    }

    @Test
    void halvingRungsEndAtTheFullEpochs() {
        var sha = new SuccessiveHalving(0, 3);
        assertEquals(List.of(1, 3, 9), sha.rungEpochs(9, 9));
        assertEquals(List.of(1, 1, 3, 10), sha.rungEpochs(27, 10));
        assertEquals(List.of(5), sha.rungEpochs(2, 5));
        assertEquals(List.of(25, 50), new SuccessiveHalving(0, 2).rungEpochs(3, 50));
    }

    @Test
    void objectivesRankNaNLast() {
        Objective max = new Objective("val_accuracy", true);
        assertEquals(0.9, max.best(List.of(0.5, 0.9, Double.NaN, 0.7)));
        assertTrue(max.compare(0.9, Double.NaN) < 0 && max.compare(Double.NaN, 0.1) > 0);
        Objective min = Objective.of("val_loss");
        assertEquals(0.2, min.best(List.of(0.5, 0.2, 0.3)));
    }

    @Test
    void reportsShowShortNumbers() {
        assertEquals("0", TuneReport.shortNumber(0.0));
        assertEquals("0.2", TuneReport.shortNumber(0.2));
        assertEquals("0.01604", TuneReport.shortNumber(0.016043));
        assertEquals("1.2e-05", TuneReport.shortNumber(0.000012));
        assertEquals("128", TuneReport.shortNumber(128.0));
    }

    @Test
    void tasksNotStartedByTheDeadlineAreSkipped() {
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
        assertEquals(List.of(1, 2, 3), ParallelRuns.run(tasks, 2, ParallelRuns.deadline(null)));
        List<Integer> late = ParallelRuns.run(tasks, 2, System.nanoTime() - 1);
        assertEquals(3, late.size());
        assertTrue(late.stream().allMatch(java.util.Objects::isNull), late.toString());
    }
}
