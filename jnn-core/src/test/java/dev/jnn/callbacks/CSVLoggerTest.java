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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** CSVLogger against the bytes keras.callbacks.CSVLogger writes (csv_logger.json). */
class CSVLoggerTest {
    private static final JsonNode GOLDEN = CallbackGolden.read("csv_logger");

    @TempDir
    Path tmp;

    @Test
    void everyScenarioWritesKerassBytes() {
        List<Executable> checks = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("cases")) {
            checks.add(() -> scenario(c));
        }
        assertTrue(checks.size() >= 9);
        assertAll(checks);
    }

    private void scenario(JsonNode golden) throws IOException {
        String name = golden.get("name").asText();
        Path file = Files.createDirectory(tmp.resolve(name)).resolve("log.csv");
        if (!golden.get("existing").isNull()) {
            Files.writeString(file, golden.get("existing").asText());
        }
        for (JsonNode run : golden.get("runs")) {
            JsonNode args = run.get("args");
            var builder = CSVLogger.builder(file);
            if (args.has("separator")) {
                builder.separator(args.get("separator").asText());
            }
            if (args.has("append")) {
                builder.append(args.get("append").asBoolean());
            }
            var logger = builder.build();
            logger.onTrainBegin(Map.of());
            JsonNode epochs = run.get("logs");
            for (int epoch = 0; epoch < epochs.size(); epoch++) {
                logger.onEpochEnd(epoch, CallbackGolden.logs(epochs.get(epoch)));
            }
            logger.onTrainEnd(Map.of());
        }
        assertEquals(golden.get("content").asText(), Files.readString(file, StandardCharsets.UTF_8), name);
    }

    @Test
    void eachRowIsOnDiskWhenTheEpochEnds() throws IOException {
        Path file = tmp.resolve("live.csv");
        var logger = new CSVLogger(file);
        logger.onTrainBegin(Map.of());
        logger.onEpochEnd(0, new java.util.HashMap<>(Map.of("loss", 0.5, "val_loss", 0.75)));
        assertEquals("epoch,loss,val_loss\r\n0,0.5,0.75\r\n", Files.readString(file));
        logger.onTrainEnd(Map.of());
    }

    @Test
    void badArgumentsAreRefusedWithTheirValue() {
        var separator = assertThrows(IllegalArgumentException.class,
                () -> CSVLogger.builder(tmp.resolve("a.csv")).separator("::").build());
        assertEquals("separator must be a 1-character string, got \"::\"", separator.getMessage());
        var quote = assertThrows(IllegalArgumentException.class,
                () -> CSVLogger.builder(tmp.resolve("a.csv")).separator("\"").build());
        assertEquals("separator must not be a quote or a line break, got \"\"\"", quote.getMessage());
        var file = assertThrows(IllegalArgumentException.class, () -> new CSVLogger((Path) null));
        assertEquals("filename must not be null", file.getMessage());
        var early = assertThrows(IllegalStateException.class,
                () -> new CSVLogger(tmp.resolve("b.csv")).onEpochEnd(0, Map.of("loss", 1.0)));
        assertTrue(early.getMessage().startsWith("CSVLogger: onEpochEnd before onTrainBegin"), early.getMessage());
    }

    @Test
    void inFitItLogsWhatTheCallbacksBeforeItAdded() throws IOException {
        SeedGenerator.setGlobalSeed(7);
        var model = new Sequential();
        model.add(Input.shape(1));
        model.add(new Dense(1));
        model.compile(dev.jnn.losses.Losses.get("mse"), new SGD(0.5f));
        Path file = tmp.resolve("fit.csv");
        var scheduler = new LearningRateScheduler((epoch, lr) -> 0.25);
        var history = model.fit(new float[][] {{1}, {2}, {3}}, new float[][] {{1}, {2}, {3}},
                FitOptions.builder().epochs(2).verbose(0).validationSplit(0.34)
                        .callbacks(scheduler, new CSVLogger(file)).build());
        List<Double> loss = history.history().get("loss");
        List<Double> valLoss = history.history().get("val_loss");
        assertEquals("epoch,learning_rate,loss,val_loss\r\n"
                + "0,0.25," + PythonFormat.repr(loss.get(0)) + "," + PythonFormat.repr(valLoss.get(0)) + "\r\n"
                + "1,0.25," + PythonFormat.repr(loss.get(1)) + "," + PythonFormat.repr(valLoss.get(1)) + "\r\n",
                Files.readString(file));
    }
}
