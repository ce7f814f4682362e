package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scripted sequences run through keras.callbacks.EarlyStopping (Keras 3.15.1) by
 * src/test/resources/dev/jnn/callbacks/es_ref.py: a fake model whose single weight is the epoch index;
 * after each epoch the script records (wait, best, stop_training) and stops like fit does.
 */
class EarlyStoppingTest {
    private record Run(List<String> rows, EarlyStopping callback, FakeTrainingControl model, String out,
                       String warnings) {
    }

    private static Run run(EarlyStopping.Builder builder, String key, double... values) {
        var out = new Capture();
        var warnings = new Capture();
        var callback = builder.out(out.stream).warnings(warnings.stream).build();
        var model = new FakeTrainingControl();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        var rows = new ArrayList<String>();
        for (int epoch = 0; epoch < values.length; epoch++) {
            model.weight = epoch;
            callback.onEpochEnd(epoch, Map.of(key, values[epoch]));
            rows.add("epoch=" + epoch + " wait=" + callback.waitCount() + " best=" + callback.best()
                    + " stop=" + model.stopTraining());
            if (model.stopTraining()) {
                break;
            }
        }
        callback.onTrainEnd(Map.of());
        return new Run(rows, callback, model, out.text(), warnings.text());
    }

    @Test
    void patienceCountsEpochsWithoutImprovement() {
        // Keras A: EarlyStopping(monitor="val_loss", patience=2) on [1.0, 0.9, 0.95, 0.92, 0.91, 0.8]
        var run = run(EarlyStopping.builder().patience(2), "val_loss", 1.0, 0.9, 0.95, 0.92, 0.91, 0.8);
        assertEquals(List.of(
                "epoch=0 wait=0 best=1.0 stop=false",
                "epoch=1 wait=0 best=0.9 stop=false",
                "epoch=2 wait=1 best=0.9 stop=false",
                "epoch=3 wait=2 best=0.9 stop=true"), run.rows());
        assertEquals(3, run.callback().stoppedEpoch());
        assertEquals(1, run.callback().bestEpoch());
        assertEquals("", run.out());
        assertEquals(List.of(), run.model().restored);
    }

    @Test
    void minDeltaMustBeExceededInMinMode() {
        // Keras B: monitor="loss", min_delta=0.05, mode="min", patience=1
        var run = run(EarlyStopping.builder().monitor("loss").minDelta(0.05).mode(MonitorMode.MIN).patience(1),
                "loss", 1.0, 0.97, 0.94, 0.90, 0.89, 0.8);
        assertEquals(List.of(
                "epoch=0 wait=0 best=1.0 stop=false",
                "epoch=1 wait=1 best=1.0 stop=true"), run.rows());
        assertEquals(0, run.callback().bestEpoch());
    }

    @Test
    void baselineMustBeBeatenForTheWaitToReset() {
        // Keras C: monitor="accuracy", mode="max", baseline=0.8, patience=2
        var run = run(EarlyStopping.builder().monitor("accuracy").mode(MonitorMode.MAX).baseline(0.8).patience(2),
                "accuracy", 0.5, 0.6, 0.7, 0.85, 0.86);
        assertEquals(List.of(
                "epoch=0 wait=1 best=0.5 stop=false",
                "epoch=1 wait=2 best=0.6 stop=false",
                "epoch=2 wait=3 best=0.7 stop=false",
                "epoch=3 wait=0 best=0.85 stop=false",
                "epoch=4 wait=0 best=0.86 stop=false"), run.rows());
        assertEquals(0, run.callback().stoppedEpoch());
        assertEquals(4, run.callback().bestEpoch());
    }

    @Test
    void warmUpEpochsAreNotMonitored() {
        // Keras D: monitor="val_loss", start_from_epoch=2
        var run = run(EarlyStopping.builder().startFromEpoch(2), "val_loss", 1.0, 2.0, 3.0, 4.0, 5.0);
        assertEquals(List.of(
                "epoch=0 wait=0 best=null stop=false",
                "epoch=1 wait=0 best=null stop=false",
                "epoch=2 wait=0 best=3.0 stop=false",
                "epoch=3 wait=1 best=3.0 stop=true"), run.rows());
        assertEquals(2, run.callback().bestEpoch());
    }

    @Test
    void restoresTheBestWeightsAndSaysSo() {
        // Keras E: patience=2, restore_best_weights=True, verbose=1; the weight is the epoch index.
        var run = run(EarlyStopping.builder().patience(2).restoreBestWeights(true).verbose(1),
                "val_loss", 0.5, 0.4, 0.45, 0.46, 0.3);
        assertEquals(List.of(
                "epoch=0 wait=0 best=0.5 stop=false",
                "epoch=1 wait=0 best=0.4 stop=false",
                "epoch=2 wait=1 best=0.4 stop=false",
                "epoch=3 wait=2 best=0.4 stop=true"), run.rows());
        assertEquals("Epoch 4: early stopping\nRestoring model weights from the end of the best epoch: 2.\n",
                run.out());
        assertEquals(List.of(1.0f), run.model().restored);
    }

    @Test
    void restoresTheBestEpochEvenWhenNoneBeatsTheBaseline() {
        // Keras F: baseline=0.1, patience=2, restore_best_weights=True, verbose=1
        var run = run(EarlyStopping.builder().baseline(0.1).patience(2).restoreBestWeights(true).verbose(1),
                "val_loss", 0.5, 0.4, 0.6, 0.3);
        assertEquals(List.of(
                "epoch=0 wait=1 best=0.5 stop=false",
                "epoch=1 wait=2 best=0.4 stop=false",
                "epoch=2 wait=3 best=0.4 stop=true"), run.rows());
        assertEquals("Epoch 3: early stopping\nRestoring model weights from the end of the best epoch: 2.\n",
                run.out());
        assertEquals(List.of(1.0f), run.model().restored);
    }

    @Test
    void defaultsStopAtTheFirstEpochWithoutImprovement() {
        // Keras G (defaults: patience=0) and I (verbose=1, an equal value is no improvement).
        var run = run(EarlyStopping.builder(), "val_loss", 0.5, 0.6);
        assertEquals(List.of("epoch=0 wait=0 best=0.5 stop=false", "epoch=1 wait=1 best=0.5 stop=true"), run.rows());
        var verbose = run(EarlyStopping.builder().verbose(1), "val_loss", 0.5, 0.5);
        assertEquals(List.of("epoch=0 wait=0 best=0.5 stop=false", "epoch=1 wait=1 best=0.5 stop=true"),
                verbose.rows());
        assertEquals("Epoch 2: early stopping\n", verbose.out());
    }

    @Test
    void negativeMinDeltaIsTakenAsItsAbsoluteValue() {
        // Keras H: monitor="val_auc", mode="max", min_delta=-0.01, patience=1: 0.505 is not > 0.5 + 0.01.
        var run = run(EarlyStopping.builder().monitor("val_auc").mode(MonitorMode.MAX).minDelta(-0.01).patience(1),
                "val_auc", 0.5, 0.505, 0.52, 0.52);
        assertEquals(List.of("epoch=0 wait=0 best=0.5 stop=false", "epoch=1 wait=1 best=0.5 stop=true"), run.rows());
    }

    @Test
    void autoModeMaximizesAccuracy() {
        // Keras infers "greater" for val_accuracy from the compiled Accuracy metric (see MonitorModeTest).
        var run = run(EarlyStopping.builder().monitor("val_accuracy").patience(1), "val_accuracy", 0.5, 0.7, 0.6);
        assertEquals(List.of(
                "epoch=0 wait=0 best=0.5 stop=false",
                "epoch=1 wait=0 best=0.7 stop=false",
                "epoch=2 wait=1 best=0.7 stop=true"), run.rows());
    }

    @Test
    void missingMonitorWarnsOnceAndDoesNothing() {
        // Keras: on_epoch_end(0, {"accuracy": 0.5, "loss": 0.3}) with monitor="val_loss" warns this text.
        var warnings = new Capture();
        var model = new FakeTrainingControl();
        var callback = EarlyStopping.builder().warnings(warnings.stream).build();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        var logs = new java.util.LinkedHashMap<String, Double>();
        logs.put("accuracy", 0.5);
        logs.put("loss", 0.3);
        callback.onEpochEnd(0, logs);
        callback.onEpochEnd(1, logs);
        assertEquals("UserWarning: Early stopping conditioned on metric `val_loss` which is not available. "
                + "Available metrics are: accuracy,loss" + System.lineSeparator(), warnings.text());
        assertFalse(model.stopTraining());
        assertNull(callback.best());
    }

    @Test
    void autoModeOnAnUnknownNameFailsAtTheFirstEpochEnd() {
        var callback = EarlyStopping.builder().monitor("val_my_metric").build();
        callback.setModel(new FakeTrainingControl());
        callback.onTrainBegin(Map.of());
        assertThrows(IllegalArgumentException.class, () -> callback.onEpochEnd(0, Map.of("val_my_metric", 1.0)));
    }

    @Test
    void isReusableAcrossFits() {
        var builder = EarlyStopping.builder().patience(1);
        var callback = builder.build();
        var model = new FakeTrainingControl();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        callback.onEpochEnd(0, Map.of("val_loss", 0.1));
        callback.onEpochEnd(1, Map.of("val_loss", 0.2));
        assertEquals(1, callback.stoppedEpoch());
        callback.onTrainBegin(Map.of());
        assertEquals(0, callback.stoppedEpoch());
        assertEquals(0, callback.waitCount());
        assertNull(callback.best());
    }

    @Test
    void defaultsAreKeras() {
        assertEquals(new EarlyStopping.Config("val_loss", 0, 0, 0, MonitorMode.AUTO, null, false, 0),
                new EarlyStopping().config());
    }

    @Test
    void rejectsBadOptions() {
        var error = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().patience(-1).build());
        assertEquals("patience must be >= 0, got -1", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().monitor("").build());
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().startFromEpoch(-2).build());
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().minDelta(Double.NaN).build());
    }
}
