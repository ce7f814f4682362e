package dev.jnn.metrics;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/**
 * Keras's {@code MeanMetricWrapper}: a per-sample function of {@code (yTrue, yPred)} averaged over
 * every sample seen, weighted by the sample weights.
 *
 * <p>The metric function gives one value per position of a sample (a row of the last axis: one
 * value for a {@code [N, C]} prediction, one per time step for {@code [N, T, C]}). With P positions,
 * a sample weight {@code w_i} (default 1) and the prediction's Keras mask {@code m_ip} (default 1):
 * {@code total += w_i·Σ_p m_ip·v_ip / P}, {@code count += w_i·Σ_p m_ip / P}, and
 * {@code result = total / count} (0 when count is 0) — Keras 3's MeanMetricWrapper, which turns the
 * mask into sample weights ({@code apply_mask}, reduction "sum") before Mean averages, so padded time
 * steps count for nothing. Subclasses supply {@code v_ip}; this class keeps the two running sums.
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
     * per {@link #update} before any {@link #positionValue}.
     */
    protected abstract void checkShapes(Tensor yTrue, Tensor yPred);

    /**
     * The metric function at flat position {@code position} (sample i's positions are
     * {@code i·P .. i·P + P - 1}): its row of the last axis of {@code yPred}, and the matching
     * label(s) of {@code yTrue}.
     */
    protected abstract double positionValue(Tensor yTrue, Tensor yPred, int position);

    /** Values per position: the size of the last axis (1 for a prediction of shape {@code [N]}). */
    static int width(Tensor yPred) {
        return yPred.shape().rank() <= 1 ? 1 : MetricInputs.lastDim(yPred);
    }

    /** Positions per sample: the rows of the last axis (1 for a prediction of shape {@code [N]}). */
    static int positions(Tensor yPred) {
        int batch = MetricInputs.batchSize(yPred);
        if (yPred.shape().rank() <= 1 || batch == 0 || MetricInputs.lastDim(yPred) == 0) {
            return 1;
        }
        return yPred.size() / batch / MetricInputs.lastDim(yPred);
    }

    @Override
    public final void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        checkShapes(yTrue, yPred);
        int batch = MetricInputs.batchSize(yPred);
        MetricInputs.requireSampleWeight(name(), sampleWeight, batch);
        int positions = positions(yPred);
        float[] mask = mask(yPred, batch, positions);
        for (int i = 0; i < batch; i++) {
            double w = sampleWeight == null ? 1.0 : sampleWeight[i];
            double sum = 0;
            double kept = 0;
            for (int p = i * positions; p < (i + 1) * positions; p++) {
                double m = mask == null ? 1.0 : mask[mask.length == batch ? i : p];
                if (m != 0) {
                    sum += m * positionValue(yTrue, yPred, p);
                    kept += m;
                }
            }
            total += w * sum / positions;
            count += w * kept / positions;
        }
    }

    /** Whether the prediction's Keras mask weighs the positions (true for Keras's MeanMetricWrapper family). */
    protected boolean appliesMask() {
        return true;
    }

    /** The prediction's mask values, one per position (or one per sample), or null without a mask. */
    private float[] mask(Tensor yPred, int batch, int positions) {
        Tensor mask = appliesMask() ? yPred.mask() : null;
        if (mask == null) {
            return null;
        }
        if (mask.size() != batch * positions && mask.size() != batch) {
            throw new IllegalArgumentException("Metric \"" + name() + "\": the mask of shape " + mask.shape()
                    + " does not fit predictions of shape " + yPred.shape() + " (expected " + batch * positions
                    + " or " + batch + " mask values)");
        }
        return mask.data();
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
