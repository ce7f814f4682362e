package dev.jnn.callbacks;

/**
 * Keras's {@code _should_save_on_batch}: counts training batches across epochs and says when
 * {@code every} of them have passed since the last save.
 */
final class BatchCounter {
    private final int every;
    private int sinceLastSave;
    private int lastBatch = -1;

    BatchCounter(int every) {
        this.every = every;
    }

    /** Records the end of {@code batch} (0-based within its epoch); true when a save is due. */
    boolean shouldSave(int batch) {
        // A batch index that does not grow means a new epoch began: its batches 0..batch all count.
        int added = lastBatch < 0 || batch <= lastBatch ? batch + 1 : batch - lastBatch;
        sinceLastSave += added;
        lastBatch = batch;
        if (sinceLastSave >= every) {
            sinceLastSave = 0;
            return true;
        }
        return false;
    }
}
