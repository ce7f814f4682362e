package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec with a mistake fails before training with one line naming the field (its JSON path) and,
 * for a closed set, the allowed values. Each case replaces one piece of a valid spec.
 */
class TrainSpecErrorsTest {
    private static final String VALID = """
            model: {input: [4], layers: [{dense: 3, activation: softmax}]}
            data: {csv: {path: iris.csv, label: species}}
            compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}
            fit: {epochs: 1, verbose: 0}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown loss | loss: sparse_categorical_crossentropy, | loss: msee, | compile.loss: unknown loss \"msee\"; allowed: | mean_squared_error",
        "unknown optimizer | optimizer: adam | optimizer: adamm | compile.optimizer: unknown optimizer \"adamm\"; allowed: | rmsprop",
        "unknown optimizer argument | optimizer: adam | optimizer: {name: adam, learning_rat: 0.1} | compile.optimizer.learning_rat: unknown argument | learning_rate",
        "unknown metric | metrics: [accuracy] | metrics: [acuracy] | compile.metrics[0]: unknown value \"acuracy\"; allowed: | accuracy",
        "unknown fit field | fit: {epochs: 1, | fit: {epoch: 1, | fit.epoch: unknown field \"epoch\"; allowed fields of fit: | batch_size",
        "unknown top-level field | 'fit: {' | 'fitt: {' | fitt: unknown field \"fitt\"; allowed fields: | compile",
        "bad epochs | epochs: 1, | epochs: 0, | fit.epochs: must be a whole number >= 1, got 0 | fit.epochs",
        "unknown layer class | {dense: 3, activation: softmax} | {class_name: Dense3D, units: 3} | model.layers[0].class_name: unknown layer class \"Dense3D\"; allowed: | Conv2D",
        "unknown layer argument | {dense: 3, activation: softmax} | {dense: 3, activatoin: softmax} | model.layers[0].activatoin: Dense: argument \"activatoin\" is not a Keras Dense argument | softmax",
        "unknown layer form | {dense: 3, activation: softmax} | {dens: 3} | model.layers[0]: a layer is | dens",
        "unknown dataset | 'csv: {path: iris.csv, label: species}' | 'dataset: irises' | data.dataset: unknown value \"irises\"; allowed: | fashion_mnist",
        "missing csv | path: iris.csv | path: nope.csv | data.csv.path: file | nope.csv",
        "missing label column | label: species | label: kind | data: | kind",
        "two sources | 'csv: {path: iris.csv, label: species}' | 'csv: iris.csv, dataset: iris' | data: give exactly one source | csv and dataset",
        "bad early stopping mode | 'fit: {' | 'fit: {early_stopping: {mode: up}, ' | fit.early_stopping.mode: unknown value \"up\"; allowed: auto, min, max | max",
        "missing compile | 'compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}' | '' | compile: missing | loss",
        "two validation splits | 'fit: {' | 'fit: {validation_split: 0.2, ' | fit.validation_split: give validation_split in data | not both",
        "bad plateau factor | 'fit: {' | 'fit: {reduce_lr_on_plateau: {factor: 1.5}, ' | fit.reduce_lr_on_plateau: | factor",
        "unknown checkpoint argument | 'fit: {' | 'fit: {model_checkpoint: {filepath: m.keras, save_best: true}, ' | fit.model_checkpoint.save_best: unknown field | save_best_only",
        "checkpoint without a file | 'fit: {' | 'fit: {model_checkpoint: {monitor: loss}, ' | fit.model_checkpoint.filepath: missing | filepath"
    })
    void namesTheFieldAndTheAllowedValues(String what, String from, String to, String expected, String alsoMentions)
            throws Exception {
        CliRun.resource("iris.csv", dir);
        String text = VALID.replace(from.strip(), to.strip());
        if (what.equals("two validation splits")) {
            text = text.replace("data: {", "data: {validation_split: 0.2, ");
        }
        if (!text.equals(VALID) || what.equals("missing compile")) {
            Path spec = dir.resolve("bad.yaml");
            Files.writeString(spec, text);
            CliRun run = CliRun.of("train", spec.toString(), "--output", dir.resolve("out").toString());
            assertEquals(1, run.status(), run.out());
            assertTrue(run.err().contains(expected.strip()), what + ": " + run.err());
            assertTrue(run.err().contains(alsoMentions.strip()), what + ": " + run.err());
            assertTrue(run.err().contains("jnn train: " + spec + ": "), run.err());
            assertTrue(!Files.exists(dir.resolve("out")), "nothing written for a bad spec");
        } else {
            throw new AssertionError(what + ": the replacement '" + from + "' did not apply");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad yaml | 'model: {input: [4' | is not valid YAML at line",
        "bad json | '{\"model\": ' | is not valid JSON at line"
    })
    void syntaxErrorsNameTheLine(String what, String text, String expected) throws Exception {
        Path spec = dir.resolve(what.endsWith("json") ? "bad.json" : "bad.yaml");
        Files.writeString(spec, text);
        CliRun run = CliRun.of("train", spec.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains(expected), run.err());
    }
}
