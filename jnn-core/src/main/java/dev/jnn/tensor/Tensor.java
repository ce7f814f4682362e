package dev.jnn.tensor;

import java.util.Arrays;

/**
 * A float32 tensor: a {@link Shape} plus a row-major, contiguous heap {@code float[]}.
 *
 * <p>While a {@link GradientTape} records, a tensor that takes part in differentiation carries a
 * gradient buffer of the same size ({@link #grad()}). Operations live in static helper classes;
 * this type stays small on purpose.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});   // shape [4, 2]
 * float v = x.get(3, 1);                                                  // 1.0
 * }</pre>
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;
    private float[] grad;
    private boolean requiresGrad;
    private Tensor mask;

    /** Wraps {@code data} (not copied) with {@code shape}; sizes must agree. */
    public Tensor(Shape shape, float[] data) {
        if (shape.size() != data.length) {
            throw new IllegalArgumentException(
                    "tensor: shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    /** A tensor of zeros. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    /** A tensor of zeros with the given axis sizes. */
    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    /** A tensor whose every element is {@code value}. */
    public static Tensor full(Shape shape, float value) {
        float[] d = new float[shape.size()];
        Arrays.fill(d, value);
        return new Tensor(shape, d);
    }

    /** A rank-0 tensor holding {@code value}. */
    public static Tensor scalar(float value) {
        return new Tensor(Shape.scalar(), new float[] {value});
    }

    /** A rank-1 tensor copied from {@code values}. */
    public static Tensor of(float[] values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /** A [rows, cols] tensor copied from a rectangular array. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("tensor: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + cols + " (rows must be rectangular)");
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return new Tensor(Shape.of(rows.length, cols), d);
    }

    /** A [rows, cols] float32 tensor converted from a rectangular double array. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("tensor: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + cols + " (rows must be rectangular)");
            }
            for (int j = 0; j < cols; j++) {
                d[i * cols + j] = (float) rows[i][j];
            }
        }
        return new Tensor(Shape.of(rows.length, cols), d);
    }

    /** A rank-1 tensor of integer labels stored as floats (Keras's sparse labels). */
    public static Tensor ofLabels(int[] labels) {
        float[] d = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            d[i] = labels[i];
        }
        return new Tensor(Shape.of(labels.length), d);
    }

    public Shape shape() {
        return shape;
    }

    /** The backing array (row-major); writes are visible to the tensor. */
    public float[] data() {
        return data;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** Size of axis 0, the batch axis for layer inputs. */
    public int rows() {
        return shape.dim(0);
    }

    /** Number of elements per row: the product of all axes but the first. */
    public int rowSize() {
        return shape.rank() == 0 ? 1 : (shape.dim(0) == 0 ? 0 : data.length / shape.dim(0));
    }

    /** Element {@code [row, col]} of a rank-2 tensor. */
    public float get(int row, int col) {
        return data[row * shape.dim(1) + col];
    }

    /** Element {@code i} of the flat storage. */
    public float get(int i) {
        return data[i];
    }

    /** A copy with the same shape and values, without gradient. */
    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    /** The same storage seen with another shape of equal size. */
    public Tensor reshape(Shape newShape) {
        if (newShape.size() != data.length) {
            throw new IllegalArgumentException("reshape: " + shape + " -> " + newShape + " changes the size");
        }
        return new Tensor(newShape, data);
    }

    /** Rows {@code [from, to)} copied into a new tensor. */
    public Tensor sliceRows(int from, int to) {
        int row = rowSize();
        int[] d = shape.dims();
        d[0] = to - from;
        return new Tensor(Shape.of(d), Arrays.copyOfRange(data, from * row, to * row));
    }

    /** The rows listed in {@code index}, in that order, copied into a new tensor. */
    public Tensor gatherRows(int[] index, int from, int to) {
        int row = rowSize();
        int[] d = shape.dims();
        d[0] = to - from;
        float[] out = new float[(to - from) * row];
        for (int i = from; i < to; i++) {
            System.arraycopy(data, index[i] * row, out, (i - from) * row, row);
        }
        return new Tensor(Shape.of(d), out);
    }

    /**
     * Copies the rows listed in {@code index[from..to)} into {@code out}, whose first axis must be
     * {@code to - from} and whose rows must be as long as this tensor's.
     */
    public void gatherRowsInto(int[] index, int from, int to, Tensor out) {
        int row = rowSize();
        if (out.rows() != to - from || out.rowSize() != row) {
            throw new IllegalArgumentException("gatherRowsInto: " + (to - from) + " rows of " + shape
                    + " do not fit " + out.shape());
        }
        float[] dst = out.data;
        for (int i = from; i < to; i++) {
            System.arraycopy(data, index[i] * row, dst, (i - from) * row, row);
        }
    }

    /** Copies into a rectangular array; rank-1 tensors become one column. */
    public float[][] toArray2d() {
        int rows = shape.rank() == 0 ? 1 : shape.dim(0);
        int cols = rows == 0 ? 0 : data.length / rows;
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** The gradient buffer, or {@code null} when this tensor is not being differentiated. */
    public float[] grad() {
        return grad;
    }

    /** Whether the recording ops must propagate a gradient to this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks this tensor as needing a gradient and allocates its gradient buffer if missing. */
    public void markRequiresGrad() {
        requiresGrad = true;
        if (grad == null) {
            grad = new float[data.length];
        }
    }

    /** Clears the gradient buffer, if there is one. */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0f);
        }
    }

    /**
     * The Keras mask carried by this tensor (1 = keep, 0 = masked), shaped as this tensor without its
     * last axis (a sequence's {@code [batch, time]}), or null when nothing is masked.
     */
    public Tensor mask() {
        return mask;
    }

    /** Attaches a mask (or clears it with null), as Keras does with {@code _keras_mask}. */
    public void setMask(Tensor mask) {
        this.mask = mask;
    }

    @Override
    public String toString() {
        int shown = Math.min(data.length, 8);
        StringBuilder sb = new StringBuilder("Tensor").append(shape).append(' ').append('[');
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return sb.append(data.length > shown ? ", ...]" : "]").toString();
    }
}
