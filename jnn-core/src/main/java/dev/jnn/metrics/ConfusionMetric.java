package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * The counting shared by {@link Precision} and {@link Recall}: weighted true/false positives and
 * false negatives since the last reset, with Keras's {@code thresholds}, {@code top_k} and
 * {@code class_id} options. Subclasses form their ratio from {@link #counts} in {@code result()}.
 */
abstract class ConfusionMetric extends Metric {
    private final Float kerasThreshold;   // as given (null = Keras's None), for config()
    private final Integer topK;
    private final Integer classId;
    private final float threshold;
    final ThresholdCounts counts = new ThresholdCounts();

    ConfusionMetric(String name, Float threshold, Integer topK, Integer classId) {
        super(name);
        this.kerasThreshold = threshold;
        this.topK = topK;
        this.classId = classId;
        this.threshold = ConfusionOptions.effectiveThreshold(threshold, topK);
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        counts.add(name(), yTrue, yPred, sampleWeight, threshold, topK, classId);
    }

    @Override
    public void reset() {
        counts.reset();
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.with(name(), "thresholds", ConfusionOptions.kerasThreshold(kerasThreshold),
                "top_k", topK, "class_id", classId);
    }
}
