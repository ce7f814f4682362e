package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * The counting shared by {@link TopKCategoricalAccuracy} and {@link SparseTopKCategoricalAccuracy},
 * which differ only in how a position's target class is read from {@code yTrue}: the fraction of a
 * sample's positions whose target is among the k highest scores (TensorFlow's tie rule, see
 * {@link MetricInputs#inTopK}).
 */
abstract class TopKAccuracy extends MeanMetricWrapper {
    private final int k;

    TopKAccuracy(String name, int k) {
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

    /** The target class of flat position {@code position} (row of {@code classes} scores). */
    abstract int target(Tensor yTrue, int position, int classes);

    @Override
    protected double positionValue(Tensor yTrue, Tensor yPred, int position) {
        int classes = MetricInputs.lastDim(yPred);
        return MetricInputs.inTopK(yPred.data(), position * classes, classes, target(yTrue, position, classes), k)
                ? 1 : 0;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "k", k);
    }
}
