package dev.jnn.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape: the size of each axis, outermost first.
 *
 * <p>Shapes of layer inputs and outputs leave out the batch axis; {@link #toKerasString()} prints
 * them as Keras does, with {@code None} for the batch: {@code (None, 8)}.
 *
 * <pre>{@code
 * Shape s = Shape.of(32, 10);   // s.size() == 320, s.dim(-1) == 10
 * }</pre>
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(dims));
            }
        }
        this.dims = dims;
    }

    /** A shape with the given axis sizes. */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /** The rank-0 shape of a scalar. */
    public static Shape scalar() {
        return new Shape(new int[0]);
    }

    /** Number of axes. */
    public int rank() {
        return dims.length;
    }

    /** Size of axis {@code axis}; negative axes count from the end, as in NumPy. */
    public int dim(int axis) {
        int a = axis < 0 ? dims.length + axis : axis;
        if (a < 0 || a >= dims.length) {
            throw new IllegalArgumentException("axis " + axis + " out of range for shape " + this);
        }
        return dims[a];
    }

    /** A copy of the axis sizes. */
    public int[] dims() {
        return dims.clone();
    }

    /** Total number of elements (1 for a scalar). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + this + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** This shape with a leading batch axis of size {@code batch}. */
    public Shape withBatch(int batch) {
        int[] d = new int[dims.length + 1];
        d[0] = batch;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return new Shape(d);
    }

    /** This shape without its first axis. */
    public Shape withoutBatch() {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a scalar shape has no batch axis");
        }
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** Whether this shape is {@code sample} with one leading (batch) axis in front; allocates nothing. */
    public boolean isBatchOf(Shape sample) {
        if (dims.length != sample.dims.length + 1) {
            return false;
        }
        for (int i = 0; i < sample.dims.length; i++) {
            if (dims[i + 1] != sample.dims[i]) {
                return false;
            }
        }
        return true;
    }

    /** This shape with the last axis replaced by {@code size}. */
    public Shape withLast(int size) {
        int[] d = dims.clone();
        d[d.length - 1] = size;
        return new Shape(d);
    }

    /** Keras's notation for a per-sample shape with its batch axis: {@code (None, 2, 3)}. */
    public String toKerasString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : dims) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
