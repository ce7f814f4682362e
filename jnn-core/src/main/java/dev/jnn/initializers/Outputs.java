package dev.jnn.initializers;

import dev.jnn.tensor.Shape;

/** The argument check every initializer makes on its output buffer. */
final class Outputs {
    private Outputs() {
    }

    /** Rejects an {@code out} whose length does not match {@code shape}. */
    static void check(Shape shape, float[] out) {
        if (shape == null) {
            throw new IllegalArgumentException("shape must not be null");
        }
        if (out == null || out.length != shape.size()) {
            throw new IllegalArgumentException("out must have length " + shape.size() + " for shape " + shape
                    + ", got " + (out == null ? "null" : String.valueOf(out.length)));
        }
    }
}
