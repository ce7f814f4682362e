package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;

/**
 * Keras's {@code TopKCategoricalAccuracy}: how often the one-hot label's class is among the k
 * highest scores.
 *
 * <p>{@code f_i = mean_p [inTopK(argmax(yTrue_ip), yPred_ip, k)]}, with TensorFlow's tie rule: the
 * target is in the top k when fewer than k scores are strictly larger than its score (so tied
 * scores at the boundary all count), and a row with a non-finite score is a miss. Default k = 5.
 *
 * <pre>{@code
 * Metric m = new TopKCategoricalAccuracy(1);
 * m.update(Tensor.of(new float[][] {{0, 1}}), Tensor.of(new float[][] {{0.3f, 0.7f}}), null);
 * m.result();   // 1.0
 * }</pre>
 */
public final class TopKCategoricalAccuracy extends TopKAccuracy {
    /** Named {@code "top_k_categorical_accuracy"}, k = 5. */
    public TopKCategoricalAccuracy() {
        this(5);
    }

    /** Named {@code "top_k_categorical_accuracy"}. */
    public TopKCategoricalAccuracy(int k) {
        this("top_k_categorical_accuracy", k);
    }

    /** With the given log name and k. */
    public TopKCategoricalAccuracy(String name, int k) {
        super(name, k);
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        MetricInputs.requireOneHot(name(), yTrue, yPred);
    }

    @Override
    int target(Tensor yTrue, int position, int classes) {
        return MetricInputs.argmax(yTrue.data(), position * classes, classes);
    }
}
