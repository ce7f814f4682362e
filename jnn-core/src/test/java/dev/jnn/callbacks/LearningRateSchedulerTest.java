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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** LearningRateScheduler against keras.callbacks.LearningRateScheduler (learning_rate_scheduler.json). */
class LearningRateSchedulerTest {
    private static final JsonNode GOLDEN = CallbackGolden.read("learning_rate_scheduler");

    // The Python schedules of make_callbacks_golden.py, by name.
    private static final Map<String, LearningRateScheduler.Schedule> SCHEDULES = Map.of(
            "halve_from_2", (epoch, lr) -> epoch < 2 ? lr : lr * 0.5,
            "exp_decay", (epoch, lr) -> lr * Math.exp(-0.1),
            "inverse_epoch", (epoch, lr) -> 0.01 / (1 + epoch));

    @Test
    void everyScheduleMatchesKeras() {
        List<Executable> checks = new ArrayList<>();
        GOLDEN.properties().forEach(entry -> checks.add(() -> scenario(entry.getKey(), entry.getValue())));
        assertEquals(6, checks.size());
        assertAll(checks);
    }

    private static void scenario(String name, JsonNode golden) {
        var out = new Capture();
        var schedule = SCHEDULES.get(golden.get("schedule").asText());
        var callback = new LearningRateScheduler(new LearningRateScheduler.Config(schedule,
                golden.get("verbose").asInt()), out.stream);
        var model = new FakeTrainingControl();
        model.learningRate = (float) golden.get("initial_learning_rate").asDouble();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        for (JsonNode expected : golden.get("epochs")) {
            int epoch = expected.get("epoch").asInt();
            callback.onEpochBegin(epoch, Map.of());
            assertEquals(expected.get("learning_rate").asDouble(), (double) model.learningRate, name + " " + epoch);
            var logs = new HashMap<>(Map.of("loss", 1.0));
            callback.onEpochEnd(epoch, logs);
            assertEquals(CallbackGolden.logs(expected.get("logs")), logs, name + " logs " + epoch);
        }
        assertEquals(golden.get("out").asText(), out.text(), name + " printed");
    }

    @Test
    void aScheduleReturningAnInvalidRateIsNamed() {
        var callback = new LearningRateScheduler((epoch, lr) -> epoch == 1 ? -0.5 : lr);
        callback.setModel(new FakeTrainingControl());
        callback.onEpochBegin(0, Map.of());
        var error = assertThrows(IllegalArgumentException.class, () -> callback.onEpochBegin(1, Map.of()));
        assertEquals("LearningRateScheduler: the schedule returned -0.5 for epoch 1; a learning rate must be a finite "
                + "number >= 0", error.getMessage());
        var nullSchedule = assertThrows(IllegalArgumentException.class, () -> new LearningRateScheduler((LearningRateScheduler.Schedule) null));
        assertEquals("schedule must not be null", nullSchedule.getMessage());
        var verbose = assertThrows(IllegalArgumentException.class, () -> new LearningRateScheduler((e, lr) -> lr, -1));
        assertEquals("verbose must be >= 0, got -1", verbose.getMessage());
    }

    @Test
    void inFitEachEpochTrainsWithItsScheduledRate() {
        SeedGenerator.setGlobalSeed(5);
        var model = new Sequential();
        model.add(Input.shape(1));
        model.add(new Dense(1));
        model.compile(dev.jnn.losses.Losses.get("mse"), new SGD(0.1f));
        var rates = new ArrayList<Float>();
        var spy = LambdaCallback.builder().onEpochBegin((epoch, logs) -> rates.add(model.learningRate())).build();
        var scheduler = new LearningRateScheduler((epoch, lr) -> 0.1 / (1 << epoch));
        var history = model.fit(new float[][] {{1}, {2}}, new float[][] {{1}, {2}},
                FitOptions.builder().epochs(3).verbose(0).callbacks(scheduler, spy).build());
        assertEquals(List.of(0.1f, 0.05f, 0.025f), rates);
        assertEquals(List.of((double) 0.1f, (double) 0.05f, (double) 0.025f), history.history().get("learning_rate"));
        assertTrue(history.history().containsKey("loss"));
    }
}
