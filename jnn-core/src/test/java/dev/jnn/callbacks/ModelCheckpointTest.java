package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** ModelCheckpoint against keras.callbacks.ModelCheckpoint (model_checkpoint.json). */
class ModelCheckpointTest {
    private static final JsonNode GOLDEN = CallbackGolden.read("model_checkpoint");

    @TempDir
    Path tmp;

    private static ModelCheckpoint.Builder builder(String filepath, JsonNode args) {
        var builder = ModelCheckpoint.builder(filepath).mode(CallbackGolden.mode(args));
        if (args.has("monitor")) {
            builder.monitor(args.get("monitor").asText());
        }
        if (args.has("verbose")) {
            builder.verbose(args.get("verbose").asInt());
        }
        if (args.has("save_best_only")) {
            builder.saveBestOnly(args.get("save_best_only").asBoolean());
        }
        if (args.has("save_weights_only")) {
            builder.saveWeightsOnly(args.get("save_weights_only").asBoolean());
        }
        if (args.has("save_freq")) {
            builder.saveFreq(SaveFrequency.parse(args.get("save_freq").asText()));
        }
        if (args.has("initial_value_threshold")) {
            builder.initialValueThreshold(args.get("initial_value_threshold").asDouble());
        }
        return builder;
    }

    @Test
    void everyScenarioSavesTheFilesKerasSaves() {
        List<Executable> checks = new ArrayList<>();
        GOLDEN.get("cases").properties().forEach(entry -> checks.add(() -> scenario(entry.getKey(), entry.getValue())));
        assertTrue(checks.size() >= 6);
        assertAll(checks);
    }

    private void scenario(String name, JsonNode golden) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        var out = new Capture();
        var warnings = new Capture();
        var callback = builder(dir + "/" + golden.get("filepath").asText(), golden.get("args"))
                .out(out.stream).warnings(warnings.stream).build();
        var model = new FakeTrainingControl();
        callback.setModel(model);
        callback.onTrainBegin(Map.of());
        int batches = golden.get("batches").asInt();
        for (JsonNode expected : golden.get("epochs")) {
            int epoch = expected.get("epoch").asInt();
            JsonNode logs = golden.get("logs").get(epoch);
            callback.onEpochBegin(epoch, Map.of());
            for (int batch = 0; batch < batches; batch++) {
                callback.onTrainBatchEnd(batch, CallbackGolden.logs(logs));
            }
            callback.onEpochEnd(epoch, CallbackGolden.logs(logs));
            List<String> files = new ArrayList<>();
            expected.get("files").forEach(file -> files.add(file.asText()));
            assertEquals(files, filesUnder(dir), name + " after epoch " + epoch);
        }
        callback.onTrainEnd(Map.of());
        assertEquals(golden.get("out").asText(), out.text().replace(dir.toString(), "<dir>"), name + " printed");
        assertEquals(CallbackGolden.distinct(golden.get("warnings")), CallbackGolden.warnings(warnings.text()),
                name + " warnings");
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void fileNamesAreRefusedWithKerassMessages() {
        List<Executable> checks = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("errors")) {
            String filepath = c.get("filepath").asText();
            JsonNode args = c.get("args");
            String error = c.get("error").isNull() ? null : c.get("error").asText();
            checks.add(() -> {
                if (error == null) {
                    builder(filepath, args).build();
                } else {
                    var thrown = assertThrows(IllegalArgumentException.class, () -> builder(filepath, args).build());
                    assertEquals(error, thrown.getMessage(), filepath + " " + args);
                }
            });
        }
        assertAll(checks);
    }

    @Test
    void badArgumentsAreRefusedWithTheirValue() {
        var verbose = assertThrows(IllegalArgumentException.class,
                () -> ModelCheckpoint.builder("m.keras").verbose(-1).build());
        assertEquals("verbose must be >= 0, got -1", verbose.getMessage());
        var freq = assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.builder("m.keras").saveFreq(0));
        assertEquals("save_freq must be \"epoch\" or a number of batches >= 1, got 0", freq.getMessage());
        var template = assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m-{epoch.keras"));
        assertEquals("template \"m-{epoch.keras\": expected '}' before end of string", template.getMessage());
        var monitor = assertThrows(IllegalArgumentException.class,
                () -> ModelCheckpoint.builder("m.keras").monitor(null).build());
        assertEquals("monitor must be a non-empty log key, got null", monitor.getMessage());
    }

    @Test
    void aMissingLogKeyInTheFileNameIsReportedAsKerasDoes() {
        var callback = new ModelCheckpoint(tmp + "/m-{val_loss:.2f}.keras");
        callback.setModel(new FakeTrainingControl());
        var error = assertThrows(IllegalArgumentException.class,
                () -> callback.onEpochEnd(0, new java.util.HashMap<>(Map.of("loss", 1.0))));
        assertTrue(error.getMessage().startsWith("Failed to format this callback filepath: \"" + tmp
                + "/m-{val_loss:.2f}.keras\". Reason: "), error.getMessage());
        assertTrue(error.getMessage().contains("no value for {val_loss}"), error.getMessage());
    }

    @Test
    void aFolderInPlaceOfTheFileIsAnError() throws IOException {
        Files.createDirectory(tmp.resolve("m.keras"));
        var callback = new ModelCheckpoint(tmp + "/m.keras");
        callback.setModel(new FakeTrainingControl());
        var error = assertThrows(UncheckedIOException.class,
                () -> callback.onEpochEnd(0, new java.util.HashMap<>(Map.of("val_loss", 1.0))));
        assertEquals("Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an existing "
                + "directory: " + tmp + "/m.keras", error.getMessage());
    }

    @Test
    void keepsTheBestRealModelAndItLoadsBack() throws IOException {
        SeedGenerator.setGlobalSeed(11);
        var model = new Sequential();
        model.add(Input.shape(2));
        model.add(new Dense(3, "relu"));
        model.add(new Dense(1));
        model.compile("mse", "adam");
        float[][] x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}, {0.5f, 0.5f}};
        float[][] y = {{1}, {1}, {0}, {0}, {0.5f}};
        Path best = tmp.resolve("best.keras");
        var bestWeights = new ArrayList<List<float[]>>();
        var checkpoint = ModelCheckpoint.builder(best.toString()).monitor("loss").saveBestOnly(true).build();
        // Runs after the checkpoint: records the weights whenever the checkpoint's best changed.
        var spy = new Callback() {
            Double seen;

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (!checkpoint.best().equals(seen)) {
                    seen = checkpoint.best();
                    bestWeights.add(model.getWeights());
                }
            }
        };
        var history = model.fit(x, y, FitOptions.builder().epochs(8).verbose(0).shuffle(false)
                .callbacks(checkpoint, spy).build());
        assertEquals(history.history().get("loss").stream().min(Double::compare).orElseThrow(), checkpoint.best());
        Model loaded = Model.load(best);
        List<float[]> expected = bestWeights.getLast();
        List<float[]> actual = loaded.getWeights();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "weight " + i);
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(best), files.toList(), "no temporary file left beside the checkpoint");
        }
    }
}
