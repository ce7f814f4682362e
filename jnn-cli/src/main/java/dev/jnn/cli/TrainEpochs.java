package dev.jnn.cli;

import dev.jnn.losses.SparseCategoricalCrossentropy;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.Tensor;

/**
 * What the training workloads ({@code mlp_train}, {@code cnn_train}, {@code lstm_train}) share: the
 * anchors' compile options and the timing of one shuffled epoch.
 */
final class TrainEpochs {
    private TrainEpochs() {
    }

    /**
     * Compiles {@code model} as the anchors train: softmax cross-entropy on logits with integer labels,
     * Adam(lr 1e-3, eps 1e-7), and accuracy kept as a running metric.
     */
    static Sequential compileAsAnchor(Sequential model) {
        model.compile(CompileOptions.builder()
                .loss(new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true)))
                .optimizer(Adam.builder().learningRate(1e-3f).epsilon(1e-7).build())
                .metrics("accuracy")
                .build());
        return model;
    }

    /**
     * Samples per second of one shuffled epoch of {@code model} over {@code (x, y)}, from the median epoch
     * time; fails if training diverges, since a NaN epoch would time a different computation.
     */
    static double samplesPerSecond(String workload, BenchSize size, Sequential model, Tensor x, Tensor y,
                                   int batchSize) {
        FitOptions epoch = FitOptions.builder().epochs(1).batchSize(batchSize).shuffle(true).verbose(0).build();
        double millis = new WarmTimer(size).medianMillis(() -> {
            double loss = model.fit(x, y, epoch).history().get("loss").getLast();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(workload + ": training diverged, loss " + loss);
            }
        });
        return x.shape().dim(0) / (millis / 1e3);
    }
}
