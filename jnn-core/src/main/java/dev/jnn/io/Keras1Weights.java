package dev.jnn.io;

import java.util.List;

/**
 * Keras 1's recurrent weights in Keras 2's layout, as Keras 2's {@code preprocess_weights_for_loading}
 * converts them: Keras 1 kept one matrix per gate ({@code W_i, U_i, b_i, W_c, U_c, b_c, W_f, ...});
 * Keras 2 concatenates the gates along the last axis in the order {@code i, f, c, o} (LSTM) or
 * {@code z, r, h} (GRU).
 */
final class Keras1Weights {
    private Keras1Weights() {
    }

    /** The weights in Keras 2's form, or {@code weights} itself when nothing needs converting. */
    static List<WeightArray> convert(String className, List<WeightArray> weights) {
        if (className.equals("LSTM") && weights.size() == 12) {
            // Keras 1 order: i, c, f, o; each gate W, U, b.
            return gates(weights, new int[] {0, 2, 1, 3});
        }
        if (className.equals("GRU") && weights.size() == 9) {
            return gates(weights, new int[] {0, 1, 2});
        }
        return weights;
    }

    private static List<WeightArray> gates(List<WeightArray> weights, int[] order) {
        WeightArray[] kernel = new WeightArray[order.length];
        WeightArray[] recurrent = new WeightArray[order.length];
        WeightArray[] bias = new WeightArray[order.length];
        for (int k = 0; k < order.length; k++) {
            int g = order[k];
            kernel[k] = weights.get(3 * g);
            recurrent[k] = weights.get(3 * g + 1);
            bias[k] = weights.get(3 * g + 2);
        }
        return List.of(concatLast(kernel), concatLast(recurrent), concatLast(bias));
    }

    /** Concatenates arrays of equal shape but for the last axis, along that axis. */
    static WeightArray concatLast(WeightArray[] parts) {
        int[] shape = parts[0].shape().clone();
        int last = shape.length - 1;
        int rows = 1;
        for (int i = 0; i < last; i++) {
            rows *= shape[i];
        }
        int total = 0;
        for (WeightArray p : parts) {
            total += p.shape()[last];
        }
        float[] out = new float[rows * total];
        int offset = 0;
        for (WeightArray p : parts) {
            int width = p.shape()[last];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(p.data(), r * width, out, r * total + offset, width);
            }
            offset += width;
        }
        shape[last] = total;
        return new WeightArray(shape, out);
    }
}
