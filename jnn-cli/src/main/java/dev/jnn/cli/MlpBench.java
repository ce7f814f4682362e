package dev.jnn.cli;

import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * What the two MLP workloads share: the 784-256-128-10 network (ReLU, ReLU, logits) and its
 * synthetic data, as in the PyTorch anchor: inputs uniform in [0, 1), labels uniform in 0..9, seeded.
 *
 * <pre>{@code
 * Tensor x = MlpBench.inputs(60_000, 0);
 * Sequential model = MlpBench.trainingModel();   // compiled: sparse CE from logits, Adam(1e-3, eps 1e-7)
 * }</pre>
 */
final class MlpBench {
    /** Input features (a flattened 28x28 image). */
    static final int FEATURES = 784;
    /** Output classes. */
    static final int CLASSES = 10;

    private MlpBench() {
    }

    /** {@code samples} rows of {@link #FEATURES} values uniform in [0, 1). */
    static Tensor inputs(int samples, long seed) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be > 0, got " + samples);
        }
        var random = new SplittableRandom(seed);
        // Built directly as one array: 60,000 x 784 floats is 188 MB, so no float[][] copy.
        float[] data = new float[samples * FEATURES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return new Tensor(Shape.of(samples, FEATURES), data);
    }

    /** {@code samples} integer labels uniform in {@code [0, CLASSES)}. */
    static int[] labels(int samples, long seed) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be > 0, got " + samples);
        }
        var random = new SplittableRandom(seed);
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        return labels;
    }

    /** The network, seeded; {@code head} is appended after the logits layer when not null. */
    static Sequential network(Activation head) {
        SeedGenerator.setGlobalSeed(0);
        Sequential model = new Sequential();
        model.add(Input.shape(FEATURES));
        model.add(new Dense(256, "relu"));
        model.add(new Dense(128, "relu"));
        model.add(new Dense(CLASSES));
        if (head != null) {
            model.add(head);
        }
        return model;
    }

    /**
     * The training network, compiled as the anchor trains: softmax cross-entropy on logits with
     * integer labels, Adam(lr 1e-3, eps 1e-7), and accuracy kept as a running metric.
     */
    static Sequential trainingModel() {
        return TrainEpochs.compileAsAnchor(network(null));
    }

    /** The inference network: the same layers followed by a softmax, so predictions are probabilities. */
    static Sequential inferenceModel() {
        return network(new Activation("softmax"));
    }
}
