package dev.jnn.activations;

/** Argument checks shared by the forward and backward loops over {@code rows × cols} blocks. */
final class Blocks {
    private Blocks() {
    }

    /**
     * Returns {@code rows * cols} after checking that {@code x} and {@code y} hold at least that many
     * values. Fixed arities rather than varargs: the check runs on every forward and must not allocate.
     */
    static int checkedSize(String activation, int rows, int cols, float[] x, float[] y) {
        int size = size(activation, rows, cols);
        fits(activation, x, rows, cols, size);
        fits(activation, y, rows, cols, size);
        return size;
    }

    /** The same check for the four arrays of a backward call. */
    static int checkedSize(String activation, int rows, int cols, float[] x, float[] y, float[] dy, float[] dx) {
        int size = checkedSize(activation, rows, cols, x, y);
        fits(activation, dy, rows, cols, size);
        fits(activation, dx, rows, cols, size);
        return size;
    }

    private static int size(String activation, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(
                    activation + ": rows and cols must be >= 0, got rows=" + rows + ", cols=" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(activation + ": rows=" + rows + " × cols=" + cols + " is too large");
        }
        return (int) size;
    }

    private static void fits(String activation, float[] array, int rows, int cols, int size) {
        if (array.length < size) {
            throw new IllegalArgumentException(activation + ": array of length " + array.length
                    + " is too short for rows=" + rows + " × cols=" + cols);
        }
    }
}
