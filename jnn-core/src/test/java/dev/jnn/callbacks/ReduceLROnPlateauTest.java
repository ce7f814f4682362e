package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.SGD;
import dev.jnn.tensor.SeedGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ReduceLROnPlateau against keras.callbacks.ReduceLROnPlateau (reduce_lr_on_plateau.json). */
class ReduceLROnPlateauTest {
    private static final JsonNode GOLDEN = CallbackGolden.read("reduce_lr_on_plateau");

    private static ReduceLROnPlateau.Builder builder(JsonNode args) {
        var builder = ReduceLROnPlateau.builder().mode(CallbackGolden.mode(args));
        if (args.has("monitor")) {
            builder.monitor(args.get("monitor").asText());
        }
        if (args.has("factor")) {
            builder.factor(args.get("factor").asDouble());
        }
        if (args.has("patience")) {
            builder.patience(args.get("patience").asInt());
        }
        if (args.has("verbose")) {
            builder.verbose(args.get("verbose").asInt());
        }
        if (args.has("min_delta")) {
            builder.minDelta(args.get("min_delta").asDouble());
        }
        if (args.has("cooldown")) {
            builder.cooldown(args.get("cooldown").asInt());
        }
        if (args.has("min_lr")) {
            builder.minLr(args.get("min_lr").asDouble());
        }
        return builder;
    }

    @Test
    void everyScenarioMatchesKeras() {
        List<Executable> checks = new ArrayList<>();
        GOLDEN.properties().forEach(entry -> checks.add(() -> scenario(entry.getKey(), entry.getValue())));
        assertTrue(checks.size() >= 10);
        assertAll(checks);
    }

    private static void scenario(String name, JsonNode golden) {
        var out = new Capture();
        var warnings = new Capture();
        var callback = builder(golden.get("args")).out(out.stream).warnings(warnings.stream).build();
        var model = new FakeTrainingControl();
        model.learningRate = (float) golden.get("initial_learning_rate").asDouble();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        String key = golden.get("key").asText();
        JsonNode values = golden.get("values");
        for (int epoch = 0; epoch < values.size(); epoch++) {
            var logs = new java.util.LinkedHashMap<String, Double>();
            logs.put(key, values.get(epoch).asDouble());
            logs.put("other", 0.25);
            callback.onEpochEnd(epoch, logs);
            JsonNode expected = golden.get("epochs").get(epoch);
            String at = name + " epoch " + epoch;
            assertEquals(expected.get("logged_learning_rate").asDouble(), logs.get("learning_rate"), at + " logged rate");
            assertEquals(expected.get("learning_rate").asDouble(), (double) model.learningRate, at + " rate");
            assertEquals(expected.get("wait").asInt(), callback.waitCount(), at + " wait");
            assertEquals(expected.get("cooldown_counter").asInt(), callback.cooldownCounter(), at + " cooldown");
            assertEquals(CallbackGolden.number(expected.get("best")), callback.best(), at + " best");
        }
        assertEquals(golden.get("out").asText(), out.text(), name + " printed");
        assertEquals(CallbackGolden.distinct(golden.get("warnings")), CallbackGolden.warnings(warnings.text()),
                name + " warnings");
    }

    @Test
    void badArgumentsAreRefusedWithTheirValue() {
        var factor = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().factor(1.0).build());
        assertEquals("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=1.0", factor.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().factor(-0.5).build());
        assertEquals("factor must be in [0, 1), got -0.5", negative.getMessage());
        var patience = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().patience(-1).build());
        assertEquals("patience must be >= 0, got -1", patience.getMessage());
        var cooldown = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().cooldown(-2).build());
        assertEquals("cooldown must be >= 0, got -2", cooldown.getMessage());
        var minLr = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().minLr(-1e-3).build());
        assertEquals("minLr must be a finite number >= 0, got -0.001", minLr.getMessage());
        var monitor = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().monitor("").build());
        assertEquals("monitor must be a non-empty log key, got ", monitor.getMessage());
    }

    @Test
    void kerasDefaults() {
        var config = new ReduceLROnPlateau().config();
        assertEquals(new ReduceLROnPlateau.Config("val_loss", 0.1, 10, 0, MonitorMode.AUTO, 1e-4, 0, 0.0), config);
    }

    @Test
    void anUnknownMetricNameInAutoModeFailsAtTheFirstEpochEnd() {
        var callback = ReduceLROnPlateau.builder().monitor("val_wiggle").build();
        callback.setModel(new FakeTrainingControl());
        callback.onTrainBegin(Map.of());
        var error = assertThrows(IllegalArgumentException.class,
                () -> callback.onEpochEnd(0, new java.util.HashMap<>(Map.of("val_wiggle", 1.0))));
        assertTrue(error.getMessage().startsWith("monitor=val_wiggle"), error.getMessage());
    }

    @Test
    void inFitTheRateDropsAndHistoryRecordsTheRateOfEachEpoch() {
        SeedGenerator.setGlobalSeed(3);
        var model = new Sequential();
        model.add(Input.shape(1));
        model.add(new Dense(1));
        model.compile(dev.jnn.losses.Losses.get("mse"), new SGD(0.01f));
        float[][] x = {{1}, {2}, {3}, {4}};
        float[][] y = {{2}, {4}, {6}, {8}};
        // In MAX mode a falling loss never improves: from the second epoch on, each epoch halves the rate.
        var plateau = ReduceLROnPlateau.builder().monitor("loss").mode(MonitorMode.MAX).patience(0).factor(0.5)
                .build();
        var history = model.fit(x, y, FitOptions.builder().epochs(3).verbose(0).callbacks(plateau).build());
        // The logs hold the rate the epoch trained with, added before the reduction.
        assertEquals(List.of((double) 0.01f, (double) 0.01f, (double) 0.005f), history.history().get("learning_rate"));
        assertEquals(0.0025f, model.learningRate());
        assertEquals(List.of("loss", "learning_rate"), List.copyOf(history.history().keySet()));
    }
}
