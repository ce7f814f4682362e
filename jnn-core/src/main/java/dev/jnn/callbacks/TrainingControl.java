package dev.jnn.callbacks;

import dev.jnn.tensor.RandomStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a callback may see and do of the model being trained; {@code Model} implements it.
 *
 * <p>The saving and resuming hooks have defaults that refuse, so a stand-in model (e.g. in a test)
 * only implements what its callbacks use.
 */
public interface TrainingControl {
    /** Asks the training loop to stop after the current batch or epoch (Keras's {@code stop_training}). */
    void setStopTraining(boolean stop);

    /** Whether a stop was asked for. */
    boolean stopTraining();

    /** Copies of every weight, in the model's weight order. */
    List<float[]> getWeights();

    /** Overwrites every weight, in the model's weight order. */
    void setWeights(List<float[]> weights);

    /** The optimizer's learning rate for the next step. */
    float learningRate();

    /** Sets the optimizer's learning rate to a constant. */
    void setLearningRate(float learningRate);

    /**
     * Keras's {@code model.save(filepath)}: the whole model as a {@code .keras} file (or legacy
     * {@code .h5}), written atomically (ModelCheckpoint).
     */
    default void save(Path file) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot save itself");
    }

    /** Keras's {@code model.save_weights(filepath)} to a {@code .weights.h5} file (ModelCheckpoint). */
    default void saveWeights(Path file) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot save its weights");
    }

    /**
     * Copies of the optimizer's variables ({@code iterations}, the learning rate, then its slots), the
     * optimizer being built first if no step has run yet (BackupAndRestore).
     */
    default List<float[]> getOptimizerWeights() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no optimizer state");
    }

    /** Overwrites the optimizer's variables, in {@link #getOptimizerWeights()} order, building it first if needed. */
    default void setOptimizerWeights(List<float[]> weights) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no optimizer state");
    }

    /**
     * The live random streams the model's layers draw from while training (Dropout masks, noise), in
     * a fixed order; saving and restoring their states lets a resumed run draw what the interrupted
     * one would have (BackupAndRestore).
     */
    default List<RandomStream> randomStreams() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume training");
    }

    /**
     * The seed of the running {@code fit}'s shuffling stream, drawn before {@code onTrainBegin}; saving it
     * lets a resumed run shuffle as the interrupted one would have (BackupAndRestore).
     */
    default long shuffleSeed() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume training");
    }

    /**
     * Called from {@code onTrainBegin}: makes the running {@code fit} start at {@code epoch} (Keras's
     * {@code model._initial_epoch}) with the shuffling stream of {@code shuffleSeed}, advanced past the
     * epochs skipped, so the resumed run sees the data in the order the interrupted one would have.
     */
    default void resumeFrom(int epoch, long shuffleSeed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume training");
    }
}
