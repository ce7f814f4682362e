package dev.jnn.cli;

import java.util.Optional;

/**
 * One benchmark of {@code jnn bench}: what it measures, in which unit, and the key under which the
 * PyTorch anchor ({@code anchors/torch/bench.py}) reports the same workload. Adding a workload is one
 * class implementing this interface plus one line in {@link Workloads#all()}.
 *
 * <pre>{@code
 * Workload w = new XorWorkload();
 * double ms = w.measure(BenchSize.QUICK);    // in w.unit()
 * }</pre>
 */
interface Workload {
    /** The name used by {@code --only} and in JSON ({@code "xor"}, {@code "mlp_train"}, ...). */
    String name();

    /** The unit of {@link #measure}. */
    BenchUnit unit();

    /** One line saying what is run. */
    String description();

    /** The key of the same workload in {@code bench.py}'s {@code results} (e.g. {@code "xor.after.run_ms"}). */
    String torchKey();

    /** The {@code bench.py --sections} entry that produces {@link #torchKey()}: the part before the first dot. */
    default String torchSection() {
        return torchKey().substring(0, torchKey().indexOf('.'));
    }

    /** Why the workload cannot run yet (a missing layer), or empty when it can. */
    default Optional<String> missing() {
        return Optional.empty();
    }

    /** Runs the workload (warm-up included) and returns its figure in {@link #unit()}. */
    double measure(BenchSize size);
}
