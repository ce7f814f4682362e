package dev.jnn.kernels;

/**
 * A right-hand operand op(B) (k×n) of SGEMM, packed once for many products with different left-hand
 * operands: a recurrent kernel multiplied at every time step, a Dense kernel over every batch of a
 * {@code predict}. A product re-packs op(B) at every call otherwise, which costs k·n copies per call
 * (a tenth of the work when m is 64).
 *
 * <p>The packed values are a snapshot: writing to B afterwards does not change them, so the owner
 * packs again whenever B may have changed. An instance keeps its storage from one pack to the next
 * (it only grows), so re-packing in a training step allocates nothing; it belongs to the backend that
 * packed it, whose layout only that backend can read.
 *
 * <pre>{@code
 * PackedMatrix u = new PackedMatrix();                 // once, per layer call buffer
 * sgemm.pack(recurrentKernel, false, units, 4 * units, u);
 * for (int t = 0; t < steps; t++) {
 *     sgemm.matmul(h, 0, u, z, 0, batch, false);       // z = h·U without re-packing U
 * }
 * }</pre>
 */
public final class PackedMatrix {
    /** The backend's layout of op(B); only the first {@link #size} values are meaningful. */
    float[] data = new float[0];
    int size;
    int k;
    int n;
    /** The backend that packed the values, or null before the first pack. */
    Object owner;

    /** An empty matrix, to be filled by {@link Sgemm#pack}. */
    public PackedMatrix() {
    }

    /** Rows of op(B) (the inner dimension k of the products). */
    public int rows() {
        return k;
    }

    /** Columns of op(B) (n, the columns of every product). */
    public int cols() {
        return n;
    }

    /** Sets the shape and owner and returns storage for at least {@code floats} values, kept when large enough. */
    float[] reset(Object packer, int rows, int cols, int floats) {
        if (data.length < floats) {
            data = new float[floats];
        }
        owner = packer;
        k = rows;
        n = cols;
        size = floats;
        return data;
    }

    /** Checks that {@code packer} packed this matrix and that a product of m rows fits the arrays. */
    void checkProduct(Object packer, float[] a, int aOffset, float[] c, int cOffset, int m) {
        if (owner != packer) {
            throw new IllegalArgumentException(owner == null
                    ? "sgemm: the packed matrix is empty; call pack first"
                    : "sgemm: the packed matrix was packed by another backend (" + owner + ")");
        }
        if (m < 0) {
            throw new IllegalArgumentException("sgemm: m must be >= 0, got m=" + m);
        }
        if (aOffset < 0 || a.length - (long) aOffset < (long) m * k) {
            throw new IllegalArgumentException("sgemm: a has " + a.length + " floats, needs offset " + aOffset
                    + " + m*k = " + (long) m * k);
        }
        if (cOffset < 0 || c.length - (long) cOffset < (long) m * n) {
            throw new IllegalArgumentException("sgemm: c has " + c.length + " floats, needs offset " + cOffset
                    + " + m*n = " + (long) m * n);
        }
    }

    @Override
    public String toString() {
        return "PackedMatrix[" + k + "x" + n + (owner == null ? ", empty" : "") + "]";
    }
}
