package dev.jnn.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The workloads of {@code jnn bench}, in the order they run and print: the anchors' list. A workload
 * that jnn cannot run yet is a {@link PendingWorkload}; replacing that line with the real class is
 * all it takes to add it.
 *
 * <pre>{@code
 * List<Workload> chosen = Workloads.select(List.of("xor", "mlp_train"));
 * }</pre>
 */
final class Workloads {
    private Workloads() {
    }

    /** Every workload, in order. */
    static List<Workload> all() {
        return List.of(
                new XorWorkload(),
                new MlpTrainWorkload(),
                new MlpInferWorkload(),
                new CnnTrainWorkload(),
                new LstmTrainWorkload());
    }

    /** The workloads named in {@code names} (in {@link #all()}'s order); every workload when null or empty. */
    static List<Workload> select(List<String> names) {
        List<Workload> all = all();
        if (names == null || names.isEmpty()) {
            return all;
        }
        List<String> valid = all.stream().map(Workload::name).toList();
        for (String name : names) {
            if (!valid.contains(name)) {
                throw new IllegalArgumentException("--only: unknown workload '" + name + "'; valid: " + valid);
            }
        }
        List<Workload> chosen = new ArrayList<>();
        for (Workload w : all) {
            if (names.contains(w.name())) {
                chosen.add(w);
            }
        }
        return chosen;
    }
}
