package dev.jnn.callbacks;

import java.util.List;

/** What a callback may see and do of the model being trained; {@code Model} implements it. */
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
}
