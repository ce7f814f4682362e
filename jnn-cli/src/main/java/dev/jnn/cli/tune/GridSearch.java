package dev.jnn.cli.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid search: every combination of the hyperparameters' values (lists, fixed values, ranges with a
 * {@code count}), the last hyperparameter varying fastest; {@code --trials} takes the first N.
 */
public record GridSearch() implements Strategy {
    @Override
    public String name() {
        return "grid";
    }

    @Override
    public Map<String, Object> firstTrial(SearchSpace space) {
        return combinations(space).get(0);
    }

    @Override
    public List<Trial> run(TrialRunner runner, Budget budget, long deadline) {
        List<Map<String, Object>> all = combinations(runner.space());
        List<Map<String, Object>> proposals = all.subList(0, Math.min(all.size(), budget.trialsOr(all.size())));
        return Strategy.runAll(runner, proposals, budget, deadline);
    }

    /** Every combination, in order. */
    static List<Map<String, Object>> combinations(SearchSpace space) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var entry : space.params().entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object v : entry.getValue().grid()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(entry.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
