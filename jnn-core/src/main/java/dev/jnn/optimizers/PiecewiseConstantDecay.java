package dev.jnn.optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code PiecewiseConstantDecay}: {@code values[0]} while {@code step <= boundaries[0]},
 * {@code values[i]} while {@code boundaries[i-1] < step <= boundaries[i]}, and the last value after
 * the last boundary. There is one more value than boundaries.
 *
 * <pre>{@code
 * // 1.0 for steps 0..100000, 0.5 for 100001..110000, then 0.1
 * var schedule = new PiecewiseConstantDecay(new long[] {100000, 110000}, new float[] {1.0f, 0.5f, 0.1f});
 * }</pre>
 */
public record PiecewiseConstantDecay(List<Long> boundaries, List<Float> values) implements LearningRateSchedule {
    public PiecewiseConstantDecay {
        boundaries = List.copyOf(boundaries);
        values = List.copyOf(values);
        if (boundaries.size() != values.size() - 1) {
            throw new IllegalArgumentException("boundaries must have one element less than values, got boundaries="
                    + boundaries + " (" + boundaries.size() + ") and values=" + values + " (" + values.size() + ")");
        }
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i) <= boundaries.get(i - 1)) {
                throw new IllegalArgumentException("boundaries must be strictly increasing, got " + boundaries);
            }
        }
        for (float v : values) {
            Arguments.nonNegative("values[i]", v);
        }
    }

    /** The same schedule from arrays. */
    public PiecewiseConstantDecay(long[] boundaries, float[] values) {
        this(boxed(boundaries), boxed(values));
    }

    private static List<Long> boxed(long[] a) {
        List<Long> list = new ArrayList<>(a.length);
        for (long x : a) {
            list.add(x);
        }
        return list;
    }

    private static List<Float> boxed(float[] a) {
        List<Float> list = new ArrayList<>(a.length);
        for (float x : a) {
            list.add(x);
        }
        return list;
    }

    @Override
    public float learningRate(long step) {
        int i = 0;
        while (i < boundaries.size() && step > boundaries.get(i)) {
            i++;
        }
        return values.get(i);
    }

    @Override
    public String name() {
        return "PiecewiseConstantDecay";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("boundaries", boundaries);
        config.put("values", values);
        config.put("name", "PiecewiseConstant");   // Keras's default name differs from the class name
        return config;
    }
}
