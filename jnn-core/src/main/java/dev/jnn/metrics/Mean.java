package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Keras's {@code Mean}: the weighted running mean of the values it is given.
 *
 * <p>{@code result = Σ_i w_i·v_i / Σ_i w_i} over every sample seen since the last reset, where a
 * sample's value {@code v_i} is the mean of its elements (all axes but the first) and {@code w_i}
 * defaults to 1. A result with zero total weight is 0 ({@code divide_no_nan}).
 *
 * <p>The trainer logs {@code loss} with one of these, updated once per batch with the batch loss
 * weighted by the batch size:
 * <pre>{@code
 * Mean loss = new Mean("loss");
 * loss.update(batchLoss, batchSize);
 * double epochLoss = loss.result();
 * }</pre>
 */
public final class Mean extends Metric {
    private double total;
    private double count;

    /** A mean named {@code "mean"}. */
    public Mean() {
        this("mean");
    }

    /** A mean with the given log name. */
    public Mean(String name) {
        super(name);
    }

    /**
     * Adds one value with weight {@code weight} (Keras: {@code update_state(value, sample_weight=weight)}).
     */
    public void update(double value, double weight) {
        total += value * weight;
        count += weight;
    }

    /** Adds one value with weight 1. */
    public void update(double value) {
        update(value, 1.0);
    }

    /**
     * Adds one value per sample: the mean of each sample's elements, weighted by
     * {@code sampleWeight[i]} (or 1 when null).
     */
    public void update(Tensor values, float[] sampleWeight) {
        int batch = MetricInputs.batchSize(values);
        MetricInputs.requireSampleWeight(name(), sampleWeight, batch);
        int perSample = batch == 0 ? 0 : values.size() / batch;
        float[] v = values.data();
        for (int i = 0; i < batch; i++) {
            double sum = 0;
            for (int j = 0; j < perSample; j++) {
                sum += v[i * perSample + j];
            }
            double w = sampleWeight == null ? 1.0 : sampleWeight[i];
            update(sum / perSample, w);
        }
    }

    /**
     * Not supported: a mean takes values, not {@code (yTrue, yPred)} pairs (Keras raises a
     * TypeError too). Use {@link #update(Tensor, float[])}.
     */
    @Override
    public void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        throw new UnsupportedOperationException(
                name() + ": Mean takes values, use update(values, sampleWeight) or update(value, weight)");
    }

    @Override
    public double result() {
        return count == 0 ? 0.0 : total / count;
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.base(name());
    }
}
