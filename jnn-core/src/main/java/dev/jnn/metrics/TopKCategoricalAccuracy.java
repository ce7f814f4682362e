package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

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
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

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
        super(name);
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        this.k = k;
    }

    /** How many of the highest scores count as a hit. */
    public int k() {
        return k;
    }

    @Override
    protected void checkShapes(Tensor yTrue, Tensor yPred) {
        MetricInputs.requireSameSize(name(), yTrue, yPred);
        if (yPred.shape().rank() < 2 || MetricInputs.lastDim(yTrue) != MetricInputs.lastDim(yPred)) {
            throw new IllegalArgumentException(name() + ": yTrue " + yTrue.shape() + " and yPred "
                    + yPred.shape() + " must be one-hot labels and scores of the same shape [N, ..., C]");
        }
    }

    @Override
    protected double sampleValue(Tensor yTrue, Tensor yPred, int sample) {
        int classes = MetricInputs.lastDim(yPred);
        int positions = yPred.size() / MetricInputs.batchSize(yPred) / classes;
        int hits = 0;
        for (int p = sample * positions; p < (sample + 1) * positions; p++) {
            int target = MetricInputs.argmax(yTrue.data(), p * classes, classes);
            if (MetricInputs.inTopK(yPred.data(), p * classes, classes, target, k)) {
                hits++;
            }
        }
        return (double) hits / positions;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "k", k);
    }
}
