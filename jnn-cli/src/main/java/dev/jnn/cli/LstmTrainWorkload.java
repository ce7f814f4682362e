package dev.jnn.cli;

import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * {@code lstm_train}: one epoch of the anchors' sequence classifier — sequences of 50 steps × 32 features
 * uniform in [0, 1) → LSTM(128) (last output) → Dense(10) logits, softmax cross-entropy, Adam(1e-3,
 * ε 1e-7), batch 64, 3,200 synthetic sequences (50 batches), shuffled, with running loss and accuracy.
 * Figure: sequences / median epoch time. Matches {@code lstm.train_samples_per_s}.
 */
final class LstmTrainWorkload implements Workload {
    /** The anchors' epoch size: 50 batches of 64. */
    static final int SEQUENCES = 64 * 50;
    static final int STEPS = 50;
    static final int FEATURES = 32;
    static final int UNITS = 128;

    @Override
    public String name() {
        return "lstm_train";
    }

    @Override
    public BenchUnit unit() {
        return BenchUnit.SAMPLES_PER_SECOND;
    }

    @Override
    public String description() {
        return "LSTM(128) over 50 steps of 32 features, Dense 10, adam, batch 64: one training epoch";
    }

    @Override
    public String torchKey() {
        return "lstm.train_samples_per_s";
    }

    @Override
    public double measure(BenchSize size) {
        // The quick size runs 4 batches, as the anchors' --quick does.
        int n = size.trainSamples() >= SEQUENCES ? SEQUENCES : 256;
        Tensor x = sequences(n, 0);
        Tensor y = Tensor.ofLabels(MlpBench.labels(n, 1));
        return TrainEpochs.samplesPerSecond("lstm_train", size, model(), x, y, 64);
    }

    /** {@code n} sequences {@code [STEPS, FEATURES]} of values uniform in [0, 1). */
    static Tensor sequences(int n, long seed) {
        var random = new SplittableRandom(seed);
        float[] data = new float[n * STEPS * FEATURES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return new Tensor(Shape.of(n, STEPS, FEATURES), data);
    }

    /** The network, seeded and compiled as the anchor trains it. */
    static Sequential model() {
        SeedGenerator.setGlobalSeed(0);
        Sequential model = new Sequential(Input.shape(STEPS, FEATURES), new LSTM(UNITS), new Dense(MlpBench.CLASSES));
        return TrainEpochs.compileAsAnchor(model);
    }
}
