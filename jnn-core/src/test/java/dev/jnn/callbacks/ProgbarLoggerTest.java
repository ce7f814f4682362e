package dev.jnn.callbacks;

import static dev.jnn.callbacks.FakeClock.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact comparisons with keras.callbacks.ProgbarLogger driven by the same hook sequence as
 * Keras's fit/evaluate/predict loops; expected strings produced by
 * src/test/resources/dev/jnn/callbacks/progbar_ref.py (functions fit_run, eval_run, predict_run,
 * unknown_run) with a scripted clock.
 */
class ProgbarLoggerTest {
    private static Map<String, Object> params(Object verbose, int epochs, Integer steps) {
        var params = new HashMap<String, Object>();
        params.put("verbose", verbose);
        params.put("epochs", epochs);
        params.put("steps", steps);
        return params;
    }

    private static Map<String, Double> logs(double accuracy, double loss) {
        var logs = new LinkedHashMap<String, Double>();
        logs.put("accuracy", accuracy);
        logs.put("loss", loss);
        return logs;
    }

    /** Three batches per epoch, then a silent validation, as in progbar_ref.py's fit_run. */
    private static void fit(ProgbarLogger logger, int epochs) {
        logger.onTrainBegin(Map.of());
        for (int epoch = 0; epoch < epochs; epoch++) {
            logger.onEpochBegin(epoch, Map.of());
            for (int batch = 0; batch < 3; batch++) {
                logger.onTrainBatchBegin(batch, Map.of());
                logger.onTrainBatchEnd(batch, logs(0.5 + 0.1 * batch + epoch * 0.05, 0.3 - 0.05 * batch - epoch * 0.01));
            }
            logger.onTestBegin(Map.of());
            logger.onTestBatchEnd(0, logs(0.7, 0.2));
            logger.onTestEnd(logs(0.7, 0.2));
            var epochLogs = logs(0.6 + epoch * 0.05, 0.25 - epoch * 0.01);
            epochLogs.put("val_accuracy", 0.7);
            epochLogs.put("val_loss", 0.2);
            logger.onEpochEnd(epoch, epochLogs);
        }
        logger.onTrainEnd(Map.of());
    }

    @Test
    void fitVerbose1TwoEpochs() {
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 200 * MS, 300 * MS, 330 * MS, 1000 * MS, 1200 * MS, 1400 * MS,
                1600 * MS, 1650 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.DYNAMIC);
        logger.setParams(params(1, 2, 3));
        fit(logger, 2);
        String expected = "Epoch 1/2\n"
                + "\r\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.5000 - loss: 0.3000"
                + "\b".repeat(72)
                + "\r\u001b[1m2/3\u001b[0m \u001b[32m━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.6000 - loss: 0.2500"
                + "\b".repeat(72)
                + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.7000 - loss: 0.2000"
                + "\b".repeat(72)
                + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 115ms/step - accuracy: 0.6000 - loss: 0.2500 - val_accuracy: 0.7000 - val_loss: 0.2000\n"
                + "Epoch 2/2\n"
                + "\r\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 200ms/step - accuracy: 0.5500 - loss: 0.2900"
                + "\b".repeat(72)
                + "\r\u001b[1m2/3\u001b[0m \u001b[32m━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 200ms/step - accuracy: 0.6500 - loss: 0.2400"
                + "\b".repeat(72)
                + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 200ms/step - accuracy: 0.7500 - loss: 0.1900"
                + "\b".repeat(72)
                + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m1s\u001b[0m 225ms/step - accuracy: 0.6500 - loss: 0.2400 - val_accuracy: 0.7000 - val_loss: 0.2000\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void fitVerbose2OneLinePerEpoch() {
        var out = new Capture();
        var clock = new FakeClock(0, 330 * MS, 1000 * MS, 2650 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.DYNAMIC);
        logger.setParams(params(2, 2, 3));
        fit(logger, 2);
        String expected = "Epoch 1/2\n"
                + "3/3 - 0s - 110ms/step - accuracy: 0.6000 - loss: 0.2500 - val_accuracy: 0.7000 - val_loss: 0.2000\n"
                + "Epoch 2/2\n"
                + "3/3 - 2s - 550ms/step - accuracy: 0.6500 - loss: 0.2400 - val_accuracy: 0.7000 - val_loss: 0.2000\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void oneEpochHasNoHeader() {
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 200 * MS, 300 * MS, 330 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.DYNAMIC);
        logger.setParams(params(1, 1, 3));
        fit(logger, 1);
        String expected = "\r\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.5000 - loss: 0.3000"
                + "\b".repeat(72)
                + "\r\u001b[1m2/3\u001b[0m \u001b[32m━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.6000 - loss: 0.2500"
                + "\b".repeat(72)
                + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.7000 - loss: 0.2000"
                + "\b".repeat(72)
                + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 115ms/step - accuracy: 0.6000 - loss: 0.2500 - val_accuracy: 0.7000 - val_loss: 0.2000\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void verbose0PrintsNothingNotEvenHeaders() {
        var out = new Capture();
        var logger = new ProgbarLogger(out.stream, new FakeClock(0, 1, 2, 3), Progbar.Display.DYNAMIC);
        logger.setParams(params(0, 2, 3));
        fit(logger, 2);
        assertEquals("", out.text());
    }

    @Test
    void fitPlainModeShowsHeadersAndFinalLinesOnly() {
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 200 * MS, 300 * MS, 330 * MS, 1000 * MS, 1200 * MS, 1400 * MS,
                1600 * MS, 1650 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.PLAIN);
        logger.setParams(params(1, 2, 3));
        fit(logger, 2);
        // The final lines of fitVerbose1TwoEpochs without their escape codes.
        String expected = "Epoch 1/2\n"
                + "3/3 ━━━━━━━━━━━━━━━━━━━━ 0s 115ms/step - accuracy: 0.6000 - loss: 0.2500 - val_accuracy: 0.7000 - val_loss: 0.2000\n"
                + "Epoch 2/2\n"
                + "3/3 ━━━━━━━━━━━━━━━━━━━━ 1s 225ms/step - accuracy: 0.6500 - loss: 0.2400 - val_accuracy: 0.7000 - val_loss: 0.2000\n";
        assertEquals(expected, out.text());
    }

    @Test
    void evaluateDrawsItsOwnBar() {
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 200 * MS, 250 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.DYNAMIC);
        logger.setParams(params(1, 1, 2));
        logger.onTestBegin(Map.of());
        logger.onTestBatchEnd(0, Map.of("loss", 0.5));
        logger.onTestBatchEnd(1, Map.of("loss", 0.25));
        logger.onTestEnd(Map.of("loss", 0.25));
        String expected = "\r\u001b[1m1/2\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - loss: 0.5000"
                + "\b".repeat(53)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - loss: 0.2500"
                + "\b".repeat(53)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 150ms/step - loss: 0.2500\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void predictShowsProgressWithoutValues() {
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 200 * MS, 250 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.DYNAMIC);
        logger.setParams(params(1, 1, 2));
        logger.onPredictBegin(Map.of());
        logger.onPredictBatchEnd(0, Map.of("outputs", 1.0));
        logger.onPredictBatchEnd(1, Map.of("outputs", 2.0));
        logger.onPredictEnd(Map.of());
        String expected = "\r\u001b[1m1/2\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step"
                + "\b".repeat(38)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step"
                + "\b".repeat(38)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 150ms/step\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void unknownStepsLearnedFromTheFirstEpochAndVerboseAuto() {
        var out = new Capture();
        var clock = new FakeClock(0, 100 * MS, 200 * MS, 300 * MS, 1000 * MS, 1100 * MS, 1200 * MS, 1300 * MS);
        var logger = new ProgbarLogger(out.stream, clock, Progbar.Display.DYNAMIC);
        logger.setParams(params("auto", 2, null));
        logger.onTrainBegin(Map.of());
        for (int epoch = 0; epoch < 2; epoch++) {
            logger.onEpochBegin(epoch, Map.of());
            for (int batch = 0; batch < 2; batch++) {
                logger.onTrainBatchEnd(batch, Map.of("loss", 1.0 / (batch + 1 + epoch)));
            }
            logger.onEpochEnd(epoch, Map.of("loss", 0.75 - 0.25 * epoch));
        }
        logger.onTrainEnd(Map.of());
        String expected = "Epoch 1/2\n"
                + "\r      1/Unknown \u001b[1m0s\u001b[0m 100ms/step - loss: 1.0000"
                + "\b".repeat(44)
                + "\r      2/Unknown \u001b[1m0s\u001b[0m 100ms/step - loss: 0.5000"
                + "\b".repeat(44)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 200ms/step - loss: 0.7500\n"
                + "Epoch 2/2\n"
                + "\r\u001b[1m1/2\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - loss: 0.5000"
                + "\b".repeat(53)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - loss: 0.3333"
                + "\b".repeat(53)
                + "\r\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 200ms/step - loss: 0.5000\n";
        assertEquals(expected, out.text());
        clock.assertAllRead();
    }

    @Test
    void rejectsMalformedParams() {
        var logger = new ProgbarLogger(new Capture().stream, new FakeClock(), Progbar.Display.PLAIN);
        var error = assertThrows(IllegalArgumentException.class, () -> logger.setParams(params("loud", 1, 3)));
        assertEquals("params.verbose must be an integer or \"auto\", got loud", error.getMessage());
    }
}
