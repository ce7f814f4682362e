package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * EarlyStopping against keras.callbacks.EarlyStopping (early_stopping.json): in particular Keras's
 * float32 comparison, under which 0.5 - 1e-4 - 1e-12 is not an improvement on 0.5 by min_delta 1e-4.
 */
class EarlyStoppingGoldenTest {
    private static final JsonNode GOLDEN = CallbackGolden.read("early_stopping");

    @Test
    void everyScenarioMatchesKeras() {
        List<Executable> checks = new ArrayList<>();
        GOLDEN.properties().forEach(entry -> checks.add(() -> scenario(entry.getKey(), entry.getValue())));
        assertEquals(3, checks.size());
        assertAll(checks);
    }

    private static void scenario(String name, JsonNode golden) {
        JsonNode args = golden.get("args");
        var builder = EarlyStopping.builder().mode(CallbackGolden.mode(args)).warnings(new Capture().stream);
        if (args.has("monitor")) {
            builder.monitor(args.get("monitor").asText());
        }
        if (args.has("patience")) {
            builder.patience(args.get("patience").asInt());
        }
        if (args.has("min_delta")) {
            builder.minDelta(args.get("min_delta").asDouble());
        }
        if (args.has("baseline")) {
            builder.baseline(args.get("baseline").asDouble());
        }
        if (args.has("start_from_epoch")) {
            builder.startFromEpoch(args.get("start_from_epoch").asInt());
        }
        var callback = builder.build();
        var model = new FakeTrainingControl();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        String key = golden.get("key").asText();
        for (JsonNode expected : golden.get("epochs")) {
            int epoch = expected.get("epoch").asInt();
            model.stop = false;
            callback.onEpochEnd(epoch, new HashMap<>(Map.of(key, golden.get("values").get(epoch).asDouble())));
            String at = name + " epoch " + epoch;
            assertEquals(expected.get("wait").asInt(), callback.waitCount(), at + " wait");
            assertEquals(CallbackGolden.number(expected.get("best")), callback.best(), at + " best");
            assertEquals(expected.get("stop").asBoolean(), model.stop, at + " stop");
        }
        assertEquals(golden.get("stopped_epoch").asInt(), callback.stoppedEpoch(), name + " stopped epoch");
    }
}
