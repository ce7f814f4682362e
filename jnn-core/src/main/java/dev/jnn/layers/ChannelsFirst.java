package dev.jnn.layers;

import dev.jnn.tensor.Tensor;

/**
 * The moves of a channels_first layer: its input's channels axis to the end, so that the channels_last
 * computation runs unchanged, and its output's channels back to axis 1. Both moves are {@link Permute}
 * gathers, so they record their own backward and reuse their buffers from step to step.
 */
final class ChannelsFirst {
    private Permute toLast;
    private Permute toFirst;
    private int rank = -1;

    /** {@code (batch, channels, d1, ..., dk)} → {@code (batch, d1, ..., dk, channels)}. */
    Tensor toChannelsLast(Tensor x, boolean training) {
        int sampleRank = x.shape().rank() - 1;
        if (sampleRank != rank) {
            int[] last = new int[sampleRank];
            int[] first = new int[sampleRank];
            for (int i = 0; i < sampleRank; i++) {
                last[i] = i == sampleRank - 1 ? 1 : i + 2;   // Keras's 1-based Permute dims
                first[i] = i == 0 ? sampleRank : i;
            }
            toLast = new Permute(last);
            toFirst = new Permute(first);
            rank = sampleRank;
        }
        return toLast.forward(x, training);
    }

    /**
     * {@code (batch, d1, ..., dk, channels)} → {@code (batch, channels, d1, ..., dk)}, for an output of
     * the same rank as the last input given to {@link #toChannelsLast}.
     */
    Tensor toChannelsFirst(Tensor y, boolean training) {
        return toFirst.forward(y, training);
    }
}
