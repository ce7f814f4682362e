package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Keras's {@code MeanMetricWrapper}: a per-sample function of {@code (yTrue, yPred)} averaged over
 * every sample seen, weighted by the sample weights.
 *
 * <p>{@code result = Σ_i w_i·f_i / Σ_i w_i} (0 when the weights sum to 0), where {@code f_i} is
 * the metric function of sample i averaged over that sample's positions (e.g. time steps) and
 * {@code w_i} defaults to 1. Subclasses supply {@code f_i}; this class keeps the two running sums.
 *
 * <pre>{@code
 * Metric acc = new BinaryAccuracy();
 * acc.update(yTrue, yPred, null);     // once per batch
 * double value = acc.result();        // weighted mean over all batches since reset()
 * }</pre>
 */
public abstract class MeanMetricWrapper extends Metric {
    private double total;
    private double count;

    protected MeanMetricWrapper(String name) {
        super(name);
    }

    /**
     * Throws {@link IllegalArgumentException} when the shapes do not fit this metric; called once
     * per {@link #update} before any {@link #sampleValue}.
     */
    protected abstract void checkShapes(Tensor yTrue, Tensor yPred);

    /** The metric function of sample {@code sample}, averaged over its positions. */
    protected abstract double sampleValue(Tensor yTrue, Tensor yPred, int sample);

    @Override
    public final void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        checkShapes(yTrue, yPred);
        int batch = MetricInputs.batchSize(yPred);
        MetricInputs.requireSampleWeight(name(), sampleWeight, batch);
        for (int i = 0; i < batch; i++) {
            double w = sampleWeight == null ? 1.0 : sampleWeight[i];
            total += w * sampleValue(yTrue, yPred, i);
            count += w;
        }
    }

    /** The weighted mean of the per-sample values, 0 before any weight was seen. */
    @Override
    public double result() {
        return count == 0 ? 0.0 : total / count;
    }

    @Override
    public final void reset() {
        total = 0;
        count = 0;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.base(name());
    }
}
