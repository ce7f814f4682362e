package dev.jnn.io;

import dev.jnn.tensor.Shape;
import java.util.Arrays;

/** A weight as stored in a file: its shape and its values, row-major, as float32. */
record WeightArray(int[] shape, float[] data) {
    WeightArray {
        shape = shape.clone();
    }

    static WeightArray of(Shape shape, float[] data) {
        int[] dims = new int[shape.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.dim(i);
        }
        return new WeightArray(dims, data);
    }

    /** The shape as Keras prints it, e.g. {@code (3, 4)}. */
    String shapeString() {
        if (shape.length == 0) {
            return "()";
        }
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        String s = Arrays.toString(shape);
        return "(" + s.substring(1, s.length() - 1) + ")";
    }

    boolean hasShape(Shape other) {
        if (other.rank() != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (other.dim(i) != shape[i]) {
                return false;
            }
        }
        return true;
    }
}
