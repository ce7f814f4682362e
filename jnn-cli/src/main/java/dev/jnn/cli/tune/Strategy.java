package dev.jnn.cli.tune;

import dev.jnn.cli.compare.ParallelRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A search strategy: which trials to train, and for how long. Every trial's values depend only on
 * the search's seed and the trial's number, so a search is reproducible and independent of the
 * number of threads (a time budget decides only how many trials finish).
 */
public sealed interface Strategy permits RandomSearch, GridSearch, SuccessiveHalving {
    /** The strategy's name on the command line. */
    String name();

    /** The values of the first trial, to check the space and the base spec before the search starts. */
    Map<String, Object> firstTrial(SearchSpace space);

    /** Runs the search; returns the finished trials in trial order. */
    List<Trial> run(TrialRunner runner, Budget budget, long deadline);

    /** Trains each proposed trial in full, in parallel; trials not started by the deadline are dropped. */
    static List<Trial> runAll(TrialRunner runner, List<Map<String, Object>> proposals, Budget budget, long deadline) {
        List<Callable<Trial>> tasks = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            int index = i;
            tasks.add(() -> runner.run(index, proposals.get(index)));
        }
        return ParallelRuns.run(tasks, budget.threads(), deadline).stream().filter(Objects::nonNull).toList();
    }
}
