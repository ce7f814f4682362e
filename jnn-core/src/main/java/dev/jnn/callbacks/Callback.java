package dev.jnn.callbacks;

import java.util.Map;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, with Keras's names and order.
 *
 * <p>Logs are maps from metric name to value, keys sorted, {@code val_} keys after the training
 * keys. Epochs and batches are 0-based, as in Keras.
 */
public interface Callback {
    /** Called once before training with the model being trained. */
    default void setModel(TrainingControl model) {
    }

    /** Called before training with {@code verbose}, {@code epochs} and {@code steps}. */
    default void setParams(Map<String, Object> params) {
    }

    default void onTrainBegin(Map<String, Double> logs) {
    }

    default void onTrainEnd(Map<String, Double> logs) {
    }

    default void onEpochBegin(int epoch, Map<String, Double> logs) {
    }

    default void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    default void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    }

    default void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    }

    default void onTestBegin(Map<String, Double> logs) {
    }

    default void onTestEnd(Map<String, Double> logs) {
    }

    default void onTestBatchBegin(int batch, Map<String, Double> logs) {
    }

    default void onTestBatchEnd(int batch, Map<String, Double> logs) {
    }

    default void onPredictBegin(Map<String, Double> logs) {
    }

    default void onPredictEnd(Map<String, Double> logs) {
    }

    default void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    }

    default void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    }
}
