package dev.jnn.cli;

import java.util.Optional;

/**
 * A workload of the anchors that jnn cannot run yet because a layer is missing. It is listed in the
 * table as "not available yet" and left out of the JSON; when the layer lands, a real
 * {@link Workload} class replaces it in {@link Workloads#all()}.
 *
 * <pre>{@code
 * Workload cnn = new PendingWorkload("cnn_train", BenchUnit.SAMPLES_PER_SECOND, "...", "cnn.train_samples_per_s", "Conv2D");
 * }</pre>
 *
 * @param name        the workload's name
 * @param unit        the unit it will be reported in
 * @param description what it will run
 * @param torchKey    the PyTorch anchor's key for it
 * @param needs       what jnn lacks, e.g. "Conv2D"
 */
record PendingWorkload(String name, BenchUnit unit, String description, String torchKey, String needs)
        implements Workload {

    @Override
    public Optional<String> missing() {
        return Optional.of("not available yet (needs " + needs + ")");
    }

    @Override
    public double measure(BenchSize size) {
        throw new IllegalStateException(name + " is " + missing().orElseThrow());
    }
}
