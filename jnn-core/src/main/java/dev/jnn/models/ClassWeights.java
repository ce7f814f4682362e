package dev.jnn.models;

import dev.jnn.tensor.Tensor;
import java.util.Map;

/** Keras's {@code class_weight}: turned into one sample weight per sample from its class. */
final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * The class of a sample is the argmax of a one-hot row, else the rounded label; classes missing
     * from the map weigh 1.
     */
    static float[] toSampleWeights(Tensor y, Map<Integer, Float> classWeight) {
        int rows = y.rows();
        int width = y.rowSize();
        float[] d = y.data();
        float[] weights = new float[rows];
        for (int i = 0; i < rows; i++) {
            int label;
            if (width > 1) {
                label = 0;
                for (int j = 1; j < width; j++) {
                    if (d[i * width + j] > d[i * width + label]) {
                        label = j;
                    }
                }
            } else {
                label = (int) Math.rint(d[i]);
            }
            weights[i] = classWeight.getOrDefault(label, 1f);
        }
        return weights;
    }
}
