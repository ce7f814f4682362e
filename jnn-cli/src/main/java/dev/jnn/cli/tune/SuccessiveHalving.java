package dev.jnn.cli.tune;

import dev.jnn.cli.compare.ParallelRuns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Successive halving (the rungs of Hyperband, Li et al. 2018): n random configurations train a few
 * epochs; the best 1/eta of them continue, with eta times the epochs, and so on until the last rung
 * trains the base's full epochs. With R full epochs and K = floor(log_eta n) promotions, rung k trains
 * up to max(1, round(R / eta^(K-k))) epochs in total; survivors keep their model and continue, so a
 * configuration never retrains what it already learned. Default n = eta^2 (three rungs).
 *
 * @param seed the search's seed (configurations are drawn as random search draws them)
 * @param eta  the halving factor, at least 2
 */
public record SuccessiveHalving(long seed, int eta) implements Strategy {
    public SuccessiveHalving {
        if (eta < 2) {
            throw new IllegalArgumentException("--eta must be >= 2, got " + eta);
        }
    }

    @Override
    public String name() {
        return "halving";
    }

    /** The total epochs of each rung for {@code n} configurations and {@code full} epochs at the last rung. */
    List<Integer> rungEpochs(int n, int full) {
        int promotions = 0;
        for (long size = eta; size <= n; size *= eta) {
            promotions++;
        }
        List<Integer> epochs = new ArrayList<>();
        for (int k = 0; k <= promotions; k++) {
            epochs.add((int) Math.max(1, Math.round(full / Math.pow(eta, promotions - k))));
        }
        return epochs;
    }

    @Override
    public Map<String, Object> firstTrial(SearchSpace space) {
        return RandomSearch.sample(space, seed, 0);
    }

    @Override
    public List<Trial> run(TrialRunner runner, Budget budget, long deadline) {
        int n = budget.trialsOr(eta * eta);
        SearchSpace space = runner.space();
        Map<Integer, Trial> finished = new HashMap<>();
        List<TrialRunner.Progress> alive = new ArrayList<>();
        List<Integer> epochs = null;
        for (int rung = 0; ; rung++) {
            List<Callable<TrialRunner.Progress>> tasks = new ArrayList<>();
            int r = rung;
            if (rung == 0) {
                for (int t = 0; t < n; t++) {
                    int index = t;
                    tasks.add(() -> {
                        TrialRunner.Progress p = runner.start(index, RandomSearch.sample(space, seed, index));
                        return runner.advance(p, rungEpochs(n, runner.fullEpochs(p)).get(0), 0);
                    });
                }
            } else {
                List<Integer> rungs = epochs;
                for (TrialRunner.Progress p : alive) {
                    tasks.add(() -> runner.advance(p, rungs.get(r), r));
                }
            }
            alive = ParallelRuns.run(tasks, budget.threads(), deadline).stream().filter(Objects::nonNull)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            if (alive.isEmpty()) {
                break;
            }
            if (epochs == null) {
                epochs = rungEpochs(n, runner.fullEpochs(alive.get(0)));
            }
            for (TrialRunner.Progress p : alive) {
                finished.put(p.index, p.trial(space));
            }
            if (rung + 1 >= epochs.size()) {
                break;
            }
            // Best first; ties by trial number, so the cut never depends on the order runs finished.
            alive.sort(Comparator.<TrialRunner.Progress, Trial>comparing(p -> p.trial(space),
                    (a, b) -> space.objective().compare(a.score(), b.score())).thenComparingInt(p -> p.index));
            alive = new ArrayList<>(alive.subList(0, Math.max(1, alive.size() / eta)));
        }
        return finished.values().stream().sorted(Comparator.comparingInt(Trial::index)).toList();
    }
}
