package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaCallbackTest {
    @Test
    void callsOnlyTheGivenLambdasWithTheirArguments() {
        var calls = new ArrayList<String>();
        var callback = LambdaCallback.builder()
                .onEpochEnd((epoch, logs) -> calls.add("epochEnd " + epoch + " " + logs.get("loss")))
                .onTrainBatchBegin((batch, logs) -> calls.add("batchBegin " + batch))
                .onPredictEnd(logs -> calls.add("predictEnd " + logs))
                .build();
        callback.onTrainBegin(Map.of());
        callback.onTrainBatchBegin(4, Map.of());
        callback.onTrainBatchEnd(4, Map.of("loss", 1.0));
        callback.onEpochEnd(2, Map.of("loss", 0.5));
        callback.onPredictEnd(Map.of());
        assertEquals(List.of("batchBegin 4", "epochEnd 2 0.5", "predictEnd {}"), calls);
    }

    @Test
    void laterLambdaForTheSameHookWins() {
        var calls = new ArrayList<String>();
        var callback = LambdaCallback.builder()
                .onTrainEnd(logs -> calls.add("first"))
                .onTrainEnd(logs -> calls.add("second"))
                .build();
        callback.onTrainEnd(Map.of());
        assertEquals(List.of("second"), calls);
    }

    @Test
    void rejectsNullLambdas() {
        var error = assertThrows(IllegalArgumentException.class, () -> LambdaCallback.builder().onTestEnd(null));
        assertEquals("onTestEnd must be a lambda, got null", error.getMessage());
    }
}
