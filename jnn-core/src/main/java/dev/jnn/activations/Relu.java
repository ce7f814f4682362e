package dev.jnn.activations;

import dev.jnn.kernels.ElementwiseKernels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras {@code relu(x, negative_slope=0.0, max_value=None, threshold=0.0)}.
 *
 * <p>With slope {@code a}, maximum {@code m} and threshold {@code t}, Keras computes
 * <pre>
 *   f(x) = clip(x &gt; t ? x : 0, 0, m) - a · max(t - x, 0)      (no clip when m is null)
 * </pre>
 * so below the threshold the output is {@code a·(x - t)}, and a negative threshold lets values in
 * {@code (t, 0)} through unchanged unless a maximum is set (the clip's lower bound then zeroes them).
 * The defaults give {@code max(x, 0)}; {@code a > 0} alone gives leaky ReLU.
 * Derivative: 1 where the clipped branch passes {@code x} through, plus {@code a} where {@code x < t}.
 * The default arguments, the hot case in training, run on the vectorised
 * {@link dev.jnn.kernels.Elementwise#relu} kernel; other arguments use the per-element formula.
 *
 * <pre>{@code
 * var capped = new Relu(0.1f, 4f, 1f);          // or Activations.relu(0.1f, 4f, 1f)
 * capped.apply(-1.0);                           // -0.1 · (1 - (-1)) = -0.2
 * capped.apply(9.0);                            // 4
 * }</pre>
 *
 * @param negativeSlope slope {@code a} below the threshold (Keras {@code negative_slope})
 * @param maxValue      saturation value {@code m} (Keras {@code max_value}), or null for none; >= 0
 * @param threshold     threshold {@code t} (Keras {@code threshold})
 */
public record Relu(float negativeSlope, Float maxValue, float threshold) implements ElementwiseActivation {
    public Relu {
        if (!Float.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("negativeSlope must be finite, got " + negativeSlope);
        }
        if (maxValue != null && !(maxValue >= 0)) {
            // The Keras ReLU layer rejects negative values too; clip(0, m) would then be constant.
            throw new IllegalArgumentException("maxValue must be null or >= 0, got " + maxValue);
        }
        if (!Float.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
    }

    /** The default {@code max(x, 0)}. */
    public Relu() {
        this(0f, null, 0f);
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public void forward(float[] x, float[] y, int rows, int cols) {
        if (isPlain()) {
            ElementwiseKernels.get().relu(x, 0, y, 0, Blocks.checkedSize(name(), rows, cols, x, y));
        } else {
            ElementwiseActivation.super.forward(x, y, rows, cols);
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx, int rows, int cols) {
        if (isPlain()) {
            int size = Blocks.checkedSize(name(), rows, cols, x, y, dy, dx);
            ElementwiseKernels.get().reluBackward(x, 0, dy, 0, dx, 0, size);
        } else {
            ElementwiseActivation.super.backward(x, y, dy, dx, rows, cols);
        }
    }

    /** Whether this is {@code max(x, 0)}: no slope, no maximum, threshold 0. */
    private boolean isPlain() {
        return negativeSlope == 0f && maxValue == null && threshold == 0f;
    }

    @Override
    public double apply(double x) {
        double passed = x > threshold ? x : 0.0;
        if (maxValue != null) {
            passed = Math.min(Math.max(passed, 0.0), maxValue);
        }
        return passed - negativeSlope * Math.max(threshold - x, 0.0);
    }

    @Override
    public double derivative(double x, double y) {
        boolean passesThrough = x > threshold && (maxValue == null || (x >= 0 && x <= maxValue));
        return (passesThrough ? 1.0 : 0.0) + (x < threshold ? negativeSlope : 0.0);
    }

    /** {@code negative_slope}, {@code max_value} (may be null) and {@code threshold}. */
    @Override
    public Map<String, Object> config() {
        var config = new LinkedHashMap<String, Object>();
        config.put("negative_slope", negativeSlope);
        config.put("max_value", maxValue);
        config.put("threshold", threshold);
        return Collections.unmodifiableMap(config);
    }
}
