package dev.jnn.cli.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random search: each trial draws every hyperparameter from a generator seeded from the search's seed
 * and the trial's number (Bergstra and Bengio: for a few important dimensions, random beats grid).
 * Default 10 trials; with only a time budget, trials continue until it runs out.
 */
public record RandomSearch(long seed) implements Strategy {
    /** Trials proposed when only a time budget limits the search (a search ends well before that). */
    static final int OPEN_ENDED = 10_000;

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Map<String, Object> firstTrial(SearchSpace space) {
        return sample(space, seed, 0);
    }

    @Override
    public List<Trial> run(TrialRunner runner, Budget budget, long deadline) {
        int n = budget.trialsOr(budget.seconds() != null ? OPEN_ENDED : 10);
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            proposals.add(sample(runner.space(), seed, t));
        }
        return Strategy.runAll(runner, proposals, budget, deadline);
    }

    /** Trial {@code t}'s values: every hyperparameter drawn in the space's order from the trial's generator. */
    static Map<String, Object> sample(SearchSpace space, long seed, int t) {
        SplittableRandom random = new SplittableRandom(Trial.seed(seed ^ 0x5EA2C4L, t));
        Map<String, Object> values = new LinkedHashMap<>();
        space.params().forEach((name, h) -> values.put(name, h.sample(random)));
        return values;
    }
}
