package dev.jnn.callbacks;

/**
 * When ModelCheckpoint and BackupAndRestore save: Keras's {@code save_freq}, either {@code "epoch"}
 * (at each epoch end) or a number of training batches (counted across epochs).
 *
 * <pre>{@code
 * SaveFrequency.EPOCH;                 // save_freq="epoch"
 * SaveFrequency.everyBatches(100);     // save_freq=100
 * SaveFrequency.parse("epoch");        // from a spec file
 * }</pre>
 *
 * @param batches the number of batches between saves, or 0 for once per epoch
 */
public record SaveFrequency(int batches) {
    /** At the end of every epoch (Keras's default, {@code "epoch"}). */
    public static final SaveFrequency EPOCH = new SaveFrequency(0);

    public SaveFrequency {
        if (batches < 0) {
            throw new IllegalArgumentException("save_freq must be \"epoch\" or a number of batches >= 1, got "
                    + batches);
        }
    }

    /** Every {@code batches} training batches. */
    public static SaveFrequency everyBatches(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("save_freq must be \"epoch\" or a number of batches >= 1, got "
                    + batches);
        }
        return new SaveFrequency(batches);
    }

    /**
     * {@code "epoch"} or a positive integer, as Keras's {@code save_freq} argument is written.
     *
     * @throws IllegalArgumentException for anything else (Keras: "Unrecognized save_freq")
     */
    public static SaveFrequency parse(String value) {
        if ("epoch".equals(value)) {
            return EPOCH;
        }
        try {
            return everyBatches(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unrecognized save_freq: " + value
                    + ". Expected save_freq are 'epoch' or integer values");
        }
    }

    /** Whether saving happens at epoch ends rather than every few batches. */
    public boolean perEpoch() {
        return batches == 0;
    }

    @Override
    public String toString() {
        return perEpoch() ? "epoch" : String.valueOf(batches);
    }
}
