package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminateOnNaNTest {
    @Test
    void finiteLossOrNoLossKeepsTraining() {
        var out = new Capture();
        var model = new FakeTrainingControl();
        var callback = new TerminateOnNaN(false, out.stream);
        callback.setModel(model);
        callback.onTrainBatchEnd(0, Map.of("loss", 1e30));
        callback.onTrainBatchEnd(1, Map.of("accuracy", Double.NaN));
        assertFalse(model.stopTraining());
        assertEquals("", out.text());
    }

    @Test
    void nanOrInfiniteLossStopsWithKerasMessage() {
        for (double loss : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            var out = new Capture();
            var model = new FakeTrainingControl();
            var callback = new TerminateOnNaN(false, out.stream);
            callback.setModel(model);
            callback.onTrainBatchEnd(7, Map.of("loss", loss));
            assertTrue(model.stopTraining(), "loss " + loss);
            assertEquals("Batch 7: Invalid loss, terminating training\n", out.text());
        }
    }

    @Test
    void raiseErrorThrowsKerasMessage() {
        var callback = new TerminateOnNaN(true);
        callback.setModel(new FakeTrainingControl());
        var error = assertThrows(IllegalStateException.class,
                () -> callback.onTrainBatchEnd(3, Map.of("loss", Double.POSITIVE_INFINITY)));
        // Python: f"... Loss value: {float('inf')}. ..." prints "inf".
        assertEquals("NaN or Inf loss encountered at batch 3. Loss value: inf. Terminating training immediately.",
                error.getMessage());
    }
}
