package dev.jnn.models;

import dev.jnn.tensor.Tensor;

/**
 * The input, target and weight buffers of the training batches, reused across steps: an epoch has at
 * most two batch sizes (full batches and the last one), so two slots of each suffice.
 */
final class BatchBuffers {
    private final Tensor[] x = new Tensor[2];
    private final Tensor[] y = new Tensor[2];
    private final float[][] weights = new float[2][];

    Tensor x(Tensor source, int[] order, int from, int to) {
        return gather(x, source, order, from, to);
    }

    Tensor y(Tensor source, int[] order, int from, int to) {
        return gather(y, source, order, from, to);
    }

    float[] weights(float[] source, int[] order, int from, int to) {
        int n = to - from;
        int slot = weights[0] == null || weights[0].length == n ? 0 : 1;
        if (weights[slot] == null || weights[slot].length != n) {
            weights[slot] = new float[n];
        }
        float[] out = weights[slot];
        for (int i = from; i < to; i++) {
            out[i - from] = source[order[i]];
        }
        return out;
    }

    private static Tensor gather(Tensor[] slots, Tensor source, int[] order, int from, int to) {
        int rows = to - from;
        int slot = fits(slots[0], source, rows) || slots[0] == null ? 0 : 1;
        if (!fits(slots[slot], source, rows)) {
            int[] dims = source.shape().dims();
            dims[0] = rows;
            slots[slot] = Tensor.zeros(dims);
        }
        source.gatherRowsInto(order, from, to, slots[slot]);
        return slots[slot];
    }

    private static boolean fits(Tensor buffer, Tensor source, int rows) {
        return buffer != null && buffer.rows() == rows && buffer.rowSize() == source.rowSize()
                && buffer.shape().rank() == source.shape().rank();
    }
}
