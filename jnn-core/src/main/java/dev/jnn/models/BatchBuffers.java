package dev.jnn.models;

import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The input, target and weight buffers of the training batches, reused across steps: an epoch has at
 * most two batch sizes (full batches and the last one), so two slots per tensor suffice. Tensors are
 * told apart by a key (the trainer numbers inputs, then targets).
 */
final class BatchBuffers {
    private final List<Tensor[]> slots = new ArrayList<>();
    private final float[][] weights = new float[2][];

    /** Rows {@code order[from..to)} of {@code source}, copied into the buffer kept under {@code key}. */
    Tensor rows(int key, Tensor source, int[] order, int from, int to) {
        while (slots.size() <= key) {
            slots.add(new Tensor[2]);
        }
        return gather(slots.get(key), source, order, from, to);
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
