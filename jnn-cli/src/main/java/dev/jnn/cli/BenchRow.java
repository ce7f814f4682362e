package dev.jnn.cli;

import java.util.OptionalDouble;

/**
 * One line of the benchmark report: a workload, jnn's figure and PyTorch's when it ran.
 *
 * <pre>{@code
 * BenchRow row = new BenchRow(workload, OptionalDouble.of(120.0), OptionalDouble.of(258.0));
 * row.speedup();   // 2.15 = how many times faster jnn is
 * }</pre>
 *
 * @param workload the workload
 * @param jnn      jnn's figure in the workload's unit, empty when the workload is not available
 * @param torch    PyTorch's figure, empty when the peer did not run or did not measure it
 */
record BenchRow(Workload workload, OptionalDouble jnn, OptionalDouble torch) {

    BenchRow {
        if (workload == null) {
            throw new IllegalArgumentException("workload must not be null");
        }
    }

    /** How many times faster jnn is than PyTorch ({@link BenchUnit#speedup}), when both figures exist. */
    OptionalDouble speedup() {
        if (jnn.isEmpty() || torch.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(workload.unit().speedup(jnn.getAsDouble(), torch.getAsDouble()));
    }
}
