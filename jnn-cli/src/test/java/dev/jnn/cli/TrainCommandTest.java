package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.cli.plot.Plots;
import dev.jnn.cli.plot.PngAssertions;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnn train} on the Iris CSV shipped with the tests: few epochs, every output read back. */
class TrainCommandTest {
    static final String IRIS_YAML = """
            name: iris-mlp
            seed: 3
            model:
              input: [4]
              layers:
                - {dense: 8, activation: relu}
                - {dropout: 0.1}
                - {class_name: Dense, units: 3, activation: softmax}
            data:
              csv: {path: iris.csv, label: species}
              test_split: 0.2
              validation_split: 0.2
              standardize: true
            compile:
              loss: sparse_categorical_crossentropy
              optimizer: {name: adam, learning_rate: 1e-2}
              metrics: [accuracy]
            fit:
              epochs: 12
              batch_size: 16
              verbose: 0
            """;

    @TempDir
    Path dir;

    private Path spec(String name, String text) throws Exception {
        if (!Files.exists(dir.resolve("iris.csv"))) {
            CliRun.resource("iris.csv", dir);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void writesModelHistoryPlotsAndSummaryBesideTheSpec() throws Exception {
        Path spec = spec("iris.yaml", IRIS_YAML);
        CliRun run = CliRun.of("train", spec.toString());
        assertEquals(0, run.status(), run.err());
        Path out = dir.resolve("iris-out");
        assertTrue(run.out().contains("wrote " + out), run.out());

        List<String> csv = Files.readAllLines(out.resolve("history.csv"));
        assertEquals("epoch,accuracy,loss,val_accuracy,val_loss", csv.get(0));
        assertEquals(13, csv.size());
        assertTrue(csv.get(1).startsWith("0,") && csv.get(12).startsWith("11,"), csv.toString());
        assertTrue(Files.readString(out.resolve("history.csv")).contains("\r\n"), "CSVLogger rows end in \\r\\n");

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("iris-mlp", summary.get("name").asText());
        assertEquals(3, summary.get("seed").asInt());
        assertEquals(12, summary.get("epochs").asInt());
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, summary.get("parameters").asInt());
        double lastLoss = Double.parseDouble(csv.get(12).split(",")[2]);
        assertEquals(lastLoss, summary.get("final").get("loss").asDouble(), 0.0);
        assertTrue(summary.get("test").get("accuracy").asDouble() > 0.6, summary.toString());

        for (String quantity : List.of("loss", "accuracy")) {
            PngAssertions.assertChart(out.resolve(quantity + ".png"), 150, Plots.color(0), Plots.color(1));
        }
        Model model = Model.load(out.resolve("model.keras"));
        assertEquals(3, model.predict(Tensor.of(new float[][] {{0, 0, 0, 0}})).shape().dim(1));
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() throws Exception {
        Path spec = spec("iris.yaml", IRIS_YAML);
        assertEquals(0, CliRun.of("train", spec.toString(), "--output", dir.resolve("a").toString()).status());
        assertEquals(0, CliRun.of("train", spec.toString(), "--output", dir.resolve("b").toString()).status());
        assertEquals(0, CliRun.of("train", spec.toString(), "--seed", "4", "--output", dir.resolve("c").toString())
                .status());
        String a = Files.readString(dir.resolve("a/history.csv"));
        assertEquals(a, Files.readString(dir.resolve("b/history.csv")));
        assertTrue(!a.equals(Files.readString(dir.resolve("c/history.csv"))));
    }

    @Test
    void fitRunsTheCallbacksTheSpecNames() throws Exception {
        Path best = dir.resolve("best.keras");
        Path spec = spec("cb.json", """
                {"model": {"input": 4, "layers": [{"dense": 3, "activation": "softmax"}]},
                 "data": {"csv": {"path": "iris.csv", "label": 4}, "validation_split": 0.2},
                 "compile": {"loss": "sparse_categorical_crossentropy", "optimizer": "sgd", "metrics": ["accuracy"]},
                 "fit": {"epochs": 4, "verbose": 0,
                         "reduce_lr_on_plateau": {"monitor": "loss", "patience": 0, "factor": 0.5, "min_delta": 100},
                         "model_checkpoint": {"filepath": "%s", "save_best_only": true},
                         "backup_and_restore": {"backup_dir": "%s"}}}
                """.formatted(best.toString().replace("\\", "/"), dir.resolve("backup").toString().replace("\\", "/")));
        CliRun run = CliRun.of("train", spec.toString(), "--output", dir.resolve("o").toString());
        assertEquals(0, run.status(), run.err());
        List<String> csv = Files.readAllLines(dir.resolve("o/history.csv"));
        assertTrue(csv.get(0).contains("learning_rate"), csv.get(0));
        // min_delta 100: only the first epoch improves (on infinity); with patience 0 each later epoch end halves
        // the rate (SGD's 0.01), and the log shows the rate the epoch trained with: 0.01, 0.01, 0.005, 0.0025
        String[] header = csv.get(0).split(",");
        int lr = java.util.Arrays.asList(header).indexOf("learning_rate");
        assertEquals(0.0025, Double.parseDouble(csv.get(4).split(",")[lr]), 1e-9, csv.toString());
        assertTrue(Files.isRegularFile(best), "ModelCheckpoint wrote " + best);
        assertTrue(!Files.exists(dir.resolve("backup")) || Files.list(dir.resolve("backup")).findAny().isEmpty(),
                "BackupAndRestore deletes its backup at the end");

        CliRun compare = CliRun.of("compare", spec.toString(), "--seeds", "2", "--output", dir.resolve("c").toString());
        assertEquals(1, compare.status());
        assertTrue(compare.err().contains("fit.model_checkpoint"), compare.err());
    }

    @Test
    void jsonSpecWithoutValidationGetsKerasNaColumnsAndNoValidationCurve() throws Exception {
        Path spec = spec("plain.json", """
                {"model": {"input": 4, "layers": [{"dense": 3, "activation": "softmax"}]},
                 "data": {"csv": {"path": "iris.csv", "label": 4}},
                 "compile": {"loss": "sparse_categorical_crossentropy", "optimizer": "sgd", "metrics": ["accuracy"]},
                 "fit": {"epochs": 3, "verbose": 0}}
                """);
        CliRun run = CliRun.of("train", spec.toString(), "--output", dir.resolve("o").toString());
        assertEquals(0, run.status(), run.err());
        List<String> csv = Files.readAllLines(dir.resolve("o/history.csv"));
        assertEquals("epoch,accuracy,loss,val_accuracy,val_loss", csv.get(0));
        assertTrue(csv.get(1).endsWith(",NA,NA"), csv.get(1));
        PngAssertions.assertChart(dir.resolve("o/loss.png"), 150, Plots.color(0));
        assertEquals(0, PngAssertions.count(javax.imageio.ImageIO.read(dir.resolve("o/loss.png").toFile()),
                Plots.color(1)), "no validation curve without validation data");
    }

    @Test
    void aKerasConfigFileAndASavedModelAreModelsToo() throws Exception {
        Sequential net = new Sequential(Input.shape(4), new Dense(5, "tanh"), new Dense(3, "softmax"));
        Files.writeString(dir.resolve("net.json"), net.toJson());
        Path fromConfig = spec("config.yaml", """
                model: net.json
                data: {csv: {path: iris.csv, label: species}, standardize: true}
                compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}
                fit: {epochs: 2, verbose: 0}
                """);
        CliRun first = CliRun.of("train", fromConfig.toString());
        assertEquals(0, first.status(), first.err());
        Files.copy(dir.resolve("config-out/model.keras"), dir.resolve("saved.keras"));
        // A saved model carries its compile settings and optimizer state: no compile section needed.
        Path fromSaved = spec("resume.yaml", """
                model: saved.keras
                data: {csv: {path: iris.csv, label: species}, standardize: true}
                fit: {epochs: 2, verbose: 0}
                """);
        CliRun second = CliRun.of("train", fromSaved.toString());
        assertEquals(0, second.status(), second.err());
        assertEquals(3, Files.readAllLines(dir.resolve("resume-out/history.csv")).size());
    }
}
