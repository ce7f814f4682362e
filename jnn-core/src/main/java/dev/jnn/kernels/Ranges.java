package dev.jnn.kernels;

/**
 * Argument checks shared by the element-wise backends, done once per call before any loop so a
 * bad range fails with a message instead of a half-written output.
 */
final class Ranges {
    private Ranges() {
    }

    /** Checks that {@code length >= 0} values starting at {@code offset} fit in {@code array}. */
    static void check(String name, float[] array, int offset, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        if (offset < 0 || offset > array.length - length) {
            throw new IllegalArgumentException(name + ": offset " + offset + " + length " + length
                    + " does not fit in an array of length " + array.length);
        }
    }

    /** Checks a {@code rows × cols} block and returns {@code rows · cols}. */
    static int block(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, got rows=" + rows + ", cols=" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows × cols must fit in an int, got rows=" + rows + ", cols=" + cols);
        }
        return (int) size;
    }
}
