package dev.jnn.activations;

/** Argument checks shared by the forward and backward loops over {@code rows × cols} blocks. */
final class Blocks {
    private Blocks() {
    }

    /** Returns {@code rows * cols} after checking that each array holds at least that many values. */
    static int checkedSize(String activation, int rows, int cols, float[]... arrays) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(
                    activation + ": rows and cols must be >= 0, got rows=" + rows + ", cols=" + cols);
        }
        long size = (long) rows * cols;
        for (float[] array : arrays) {
            if (array.length < size) {
                throw new IllegalArgumentException(activation + ": array of length " + array.length
                        + " is too short for rows=" + rows + " × cols=" + cols);
            }
        }
        return (int) size;
    }
}
