package dev.jnn.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * A constant argument that Keras accepts as a number or an array (Rescaling's {@code scale} and
 * {@code offset}, Normalization's {@code mean} and {@code variance}): its shape and its values,
 * row-major. Values are kept as the doubles the user gave, so that a config is written back exactly
 * as Keras writes it ({@code 1/255} stays {@code 0.00392156862745098}); layers compute with them in
 * float32, as Keras casts them.
 *
 * <pre>{@code
 * BroadcastValues.scalar(1 / 255.0);
 * BroadcastValues.of(0.229, 0.224, 0.225);      // one value per channel, shape (3,)
 * }</pre>
 *
 * @param shape  the array's shape; empty for a number
 * @param values the values, row-major; one for a number
 */
public record BroadcastValues(List<Integer> shape, List<Double> values) {
    public BroadcastValues {
        shape = List.copyOf(shape);
        values = List.copyOf(values);
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("BroadcastValues: dimensions must be >= 0, got shape " + shape);
            }
            size *= d;
        }
        if (size != values.size()) {
            throw new IllegalArgumentException("BroadcastValues: shape " + shape + " holds " + size
                    + " values, got " + values.size());
        }
    }

    /** A single number. */
    public static BroadcastValues scalar(double value) {
        return new BroadcastValues(List.of(), List.of(value));
    }

    /** A one-dimensional array, e.g. one value per channel. */
    public static BroadcastValues of(double... values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return new BroadcastValues(List.of(values.length), list);
    }

    /** Whether this is a single number (rank 0). */
    public boolean isScalar() {
        return shape.isEmpty();
    }

    /** The number of axes. */
    public int rank() {
        return shape.size();
    }

    /**
     * The values expanded to one per element of a per-sample shape, by NumPy's broadcasting against
     * {@code [batch, sample...]}: axes align at the end, each of this array's axes must be 1 or
     * equal to the input's, and an axis over the batch must be 1 (the batch size is not known).
     * Returns null when the shapes do not broadcast that way.
     */
    float[] expandTo(int[] sample) {
        int rank = shape.size();
        if (rank > sample.length + 1 || rank == sample.length + 1 && shape.get(0) != 1) {
            return null;
        }
        int offset = sample.length - rank;  // the sample axis that this array's axis 0 lines up with
        for (int i = Math.max(0, -offset); i < rank; i++) {
            int d = shape.get(i);
            if (d != 1 && d != sample[offset + i]) {
                return null;
            }
        }
        int size = 1;
        for (int d : sample) {
            size *= d;
        }
        float[] out = new float[size];
        int[] index = new int[sample.length];
        for (int flat = 0; flat < size; flat++) {
            int source = 0;
            for (int i = Math.max(0, -offset); i < rank; i++) {
                int d = shape.get(i);
                source = source * d + (d == 1 ? 0 : index[offset + i]);
            }
            out[flat] = (float) (double) values.get(source);
            for (int a = sample.length - 1; a >= 0; a--) {
                if (++index[a] < sample[a]) {
                    break;
                }
                index[a] = 0;
            }
        }
        return out;
    }

    /** The shape as NumPy prints it: {@code ()}, {@code (3,)}, {@code (1, 1, 3)}. */
    public String shapeString() {
        if (shape.isEmpty()) {
            return "()";
        }
        if (shape.size() == 1) {
            return "(" + shape.get(0) + ",)";
        }
        String s = shape.toString();
        return "(" + s.substring(1, s.length() - 1) + ")";
    }
}
