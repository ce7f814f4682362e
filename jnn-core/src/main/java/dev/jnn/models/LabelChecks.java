package dev.jnn.models;

import dev.jnn.losses.Loss;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;

/** Checks integer labels for sparse losses before any training, naming the offending row. */
final class LabelChecks {
    private LabelChecks() {
    }

    static void check(String method, Loss loss, Tensor y, Shape outputShape) {
        if (!loss.name().startsWith("sparse_categorical")) {
            return;
        }
        int classes = outputShape.dim(-1);
        float[] d = y.data();
        int row = Math.max(1, y.rowSize());
        for (int i = 0; i < d.length; i++) {
            float label = d[i];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException(method + ": label " + label + " at row " + (i / row)
                        + " is out of range: " + loss.name() + " needs integer labels in [0, " + classes + ")");
            }
        }
    }
}
