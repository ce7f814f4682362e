package dev.jnn.cli;

import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/**
 * {@code cnn_train}: one epoch of the anchors' small CNN — 28×28×1 → Conv2D(32, 3)+ReLU → MaxPool 2 →
 * Conv2D(64, 3)+ReLU → MaxPool 2 → Flatten → Dense(128)+ReLU → Dense(10) logits, softmax cross-entropy,
 * Adam(1e-3, ε 1e-7), batch 128, 10,000 synthetic samples, shuffled, with running loss and accuracy.
 * Figure: samples / median epoch time. Matches {@code cnn.train_samples_per_s}.
 */
final class CnnTrainWorkload implements Workload {
    /** The anchors' epoch size. */
    static final int SAMPLES = 10_000;

    @Override
    public String name() {
        return "cnn_train";
    }

    @Override
    public BenchUnit unit() {
        return BenchUnit.SAMPLES_PER_SECOND;
    }

    @Override
    public String description() {
        return "CNN 28x28x1, Conv2D 32/64 + max-pool, Dense 128-10, adam, batch 128: one training epoch";
    }

    @Override
    public String torchKey() {
        return "cnn.train_samples_per_s";
    }

    @Override
    public double measure(BenchSize size) {
        int n = size.trainSamples() >= SAMPLES ? SAMPLES : Math.max(128, size.trainSamples() / 2);
        Tensor x = MlpBench.inputs(n, 0).reshape(Shape.of(n, 28, 28, 1));
        Tensor y = Tensor.ofLabels(MlpBench.labels(n, 1));
        return TrainEpochs.samplesPerSecond("cnn_train", size, model(), x, y, 128);
    }

    /** The network, seeded and compiled as the anchor trains it. */
    static Sequential model() {
        SeedGenerator.setGlobalSeed(0);
        Sequential model = new Sequential(Input.shape(28, 28, 1),
                new Conv2D(32, 3, "relu"), new MaxPooling2D(),
                new Conv2D(64, 3, "relu"), new MaxPooling2D(),
                new Flatten(), new Dense(128, "relu"), new Dense(MlpBench.CLASSES));
        return TrainEpochs.compileAsAnchor(model);
    }
}
