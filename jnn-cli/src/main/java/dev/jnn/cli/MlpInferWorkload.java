package dev.jnn.cli;

import dev.jnn.models.Sequential;
import dev.jnn.tensor.Tensor;

/**
 * {@code mlp_infer}: {@code predict} of the 784-256-128-10 MLP followed by a softmax over the
 * synthetic samples at batch 1024. Figure: samples / median pass time. Matches
 * {@code mlp.infer_b1024_samples_per_s}. The weights are the seeded initial ones: their values do
 * not change the work done.
 *
 * <pre>{@code
 * double samplesPerSecond = new MlpInferWorkload().measure(BenchSize.FULL);
 * }</pre>
 */
final class MlpInferWorkload implements Workload {
    /** The anchor's inference batch. */
    static final int BATCH = 1024;

    @Override
    public String name() {
        return "mlp_infer";
    }

    @Override
    public BenchUnit unit() {
        return BenchUnit.SAMPLES_PER_SECOND;
    }

    @Override
    public String description() {
        return "MLP 784-256-128-10 + softmax, predict at batch 1024";
    }

    @Override
    public String torchKey() {
        return "mlp.infer_b1024_samples_per_s";
    }

    @Override
    public double measure(BenchSize size) {
        int n = size.inferSamples();
        Tensor x = MlpBench.inputs(n, 0);
        Sequential model = MlpBench.inferenceModel();
        double millis = new WarmTimer(size).medianMillis(() -> {
            Tensor probabilities = model.predict(x, BATCH);
            // Reading one row keeps the pass observable (and checks it produced probabilities).
            float first = probabilities.get(0, 0);
            if (!(first >= 0 && first <= 1)) {
                throw new IllegalStateException("mlp_infer: softmax output out of [0, 1]: " + first);
            }
        });
        return n / (millis / 1e3);
    }
}
