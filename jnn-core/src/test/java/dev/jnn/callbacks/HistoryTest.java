package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static Map<String, Double> ordered(String k1, double v1, String k2, double v2) {
        var logs = new LinkedHashMap<String, Double>();
        logs.put(k1, v1);
        logs.put(k2, v2);
        return logs;
    }

    @Test
    void recordsEachEpochInLogKeyOrder() {
        var history = new History();
        history.setParams(Map.of("verbose", 1, "epochs", 2, "steps", 4));
        history.onTrainBegin(Map.of());
        history.onEpochEnd(0, ordered("loss", 0.5, "val_loss", 0.6));
        history.onEpochEnd(1, ordered("loss", 0.25, "val_loss", 0.4));

        assertEquals(List.of("loss", "val_loss"), List.copyOf(history.history().keySet()));
        assertEquals(List.of(0.5, 0.25), history.history().get("loss"));
        assertEquals(List.of(0.6, 0.4), history.history().get("val_loss"));
        assertEquals(List.of(0, 1), history.epochs());
        assertEquals(Map.of("verbose", 1, "epochs", 2, "steps", 4), history.params());
    }

    @Test
    void secondFitRestartsEpochsButKeepsAppendingValuesAsKerasDoes() {
        var history = new History();
        history.onTrainBegin(Map.of());
        history.onEpochEnd(0, Map.of("loss", 1.0));
        history.onTrainBegin(Map.of());
        history.onEpochEnd(0, Map.of("loss", 0.5));
        assertEquals(List.of(0), history.epochs());
        assertEquals(List.of(1.0, 0.5), history.history().get("loss"));
    }

    @Test
    void viewsAreReadOnly() {
        var history = new History();
        history.onTrainBegin(Map.of());
        history.onEpochEnd(0, Map.of("loss", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> history.history().get("loss").add(2.0));
        assertThrows(UnsupportedOperationException.class, () -> history.epochs().add(3));
    }
}
