package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Keras's {@code Sum}: the weighted running sum of the values it is given.
 *
 * <p>{@code result = Σ_i w_i·s_i}, where a sample's value {@code s_i} is the sum of its elements
 * (all axes but the first) and {@code w_i} defaults to 1.
 *
 * <pre>{@code
 * Sum sum = new Sum();
 * sum.update(Tensor.of(new float[] {1, 3, 5, 7}), new float[] {1, 1, 0, 0});
 * sum.result();   // 4.0
 * }</pre>
 */
public final class Sum extends Metric {
    private double total;

    /** A sum named {@code "sum"}. */
    public Sum() {
        this("sum");
    }

    /** A sum with the given log name. */
    public Sum(String name) {
        super(name);
    }

    /** Adds {@code value · weight}. */
    public void update(double value, double weight) {
        total += value * weight;
    }

    /** Adds {@code value}. */
    public void update(double value) {
        total += value;
    }

    /** Adds each sample's element sum, times {@code sampleWeight[i]} (or 1 when null). */
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
            total += sampleWeight == null ? sum : sum * sampleWeight[i];
        }
    }

    /**
     * Not supported: a sum takes values, not {@code (yTrue, yPred)} pairs (Keras raises a TypeError
     * too). Use {@link #update(Tensor, float[])}.
     */
    @Override
    public void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        throw new UnsupportedOperationException(
                name() + ": Sum takes values, use update(values, sampleWeight) or update(value, weight)");
    }

    @Override
    public double result() {
        return total;
    }

    @Override
    public void reset() {
        total = 0;
    }

    @Override
    public Map<String, Object> config() {
        return KerasConfig.base(name());
    }
}
