package dev.jnn.cli;

import dev.jnn.tensor.Tensor;

/**
 * {@code mlp_train}: one epoch of the 784-256-128-10 MLP ({@link MlpBench}) over the synthetic
 * samples at batch 128, shuffled, with running loss and accuracy, i.e. {@code fit(epochs=1,
 * shuffle=true)}. Figure: samples / median epoch time. Matches {@code mlp.train_samples_per_s}.
 *
 * <pre>{@code
 * double samplesPerSecond = new MlpTrainWorkload().measure(BenchSize.FULL);
 * }</pre>
 */
final class MlpTrainWorkload implements Workload {
    @Override
    public String name() {
        return "mlp_train";
    }

    @Override
    public BenchUnit unit() {
        return BenchUnit.SAMPLES_PER_SECOND;
    }

    @Override
    public String description() {
        return "MLP 784-256-128-10, sparse CE from logits, adam, batch 128: one training epoch";
    }

    @Override
    public String torchKey() {
        return "mlp.train_samples_per_s";
    }

    @Override
    public double measure(BenchSize size) {
        int n = size.trainSamples();
        Tensor x = MlpBench.inputs(n, 0);
        Tensor y = Tensor.ofLabels(MlpBench.labels(n, 1));
        return TrainEpochs.samplesPerSecond("mlp_train", size, MlpBench.trainingModel(), x, y, 128);
    }
}
