package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorModeTest {
    @Test
    void autoMatchesKerasForCompiledMetrics() {
        // Keras 3.15.1 (src/test/resources/dev/jnn/callbacks/es_dir.py): a model compiled with these
        // metrics, EarlyStopping(monitor="val_" + key)._set_monitor_op() gives greater (MAX) or less (MIN).
        var keras = Map.ofEntries(
                Map.entry("accuracy", MonitorMode.MAX), Map.entry("auc", MonitorMode.MAX),
                Map.entry("binary_accuracy", MonitorMode.MAX), Map.entry("binary_crossentropy", MonitorMode.MIN),
                Map.entry("cosine_similarity", MonitorMode.MAX), Map.entry("hinge", MonitorMode.MIN),
                Map.entry("logcosh", MonitorMode.MIN), Map.entry("loss", MonitorMode.MIN),
                Map.entry("mae", MonitorMode.MIN), Map.entry("mape", MonitorMode.MIN),
                Map.entry("mse", MonitorMode.MIN), Map.entry("msle", MonitorMode.MIN),
                Map.entry("precision", MonitorMode.MAX), Map.entry("r2_score", MonitorMode.MAX),
                Map.entry("recall", MonitorMode.MAX), Map.entry("root_mean_squared_error", MonitorMode.MIN));
        keras.forEach((name, expected) -> {
            assertEquals(expected, MonitorMode.AUTO.resolve(name), name);
            assertEquals(expected, MonitorMode.AUTO.resolve("val_" + name), "val_" + name);
        });
    }

    @Test
    void explicitModesIgnoreTheName() {
        assertEquals(MonitorMode.MAX, MonitorMode.MAX.resolve("loss"));
        assertEquals(MonitorMode.MIN, MonitorMode.MIN.resolve("accuracy"));
        assertEquals(MonitorMode.MIN, MonitorMode.MIN.resolve("my_metric"));
    }

    @Test
    void autoRejectsUnknownNames() {
        var error = assertThrows(IllegalArgumentException.class, () -> MonitorMode.AUTO.resolve("val_my_metric"));
        assertTrue(error.getMessage().startsWith("monitor=val_my_metric"), error.getMessage());
    }
}
