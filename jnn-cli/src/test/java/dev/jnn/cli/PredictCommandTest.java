package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.data.Npy;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jnn predict} on files written by real Keras 3.15.1: the outputs are what Keras's predict gave. */
class PredictCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp_adam", "sgd_momentum_val", "two_in_two_out", "conv_lstm_rmsprop"})
    void predictsAsKerasDoes(String name) throws Exception {
        JsonNode doc = CliRun.expected(name);
        List<Object> args = new ArrayList<>(List.of("predict", CliRun.golden(doc.get("model").asText())));
        doc.get("x").forEach(f -> args.addAll(List.of("--input", CliRun.golden(f.asText()))));
        JsonNode want = doc.get("predictions_before_fit");
        for (int k = 0; k < want.size(); k++) {
            args.addAll(List.of("--output", dir.resolve("y" + k + ".npy")));
        }
        args.addAll(List.of("--batch-size", doc.get("fit").get("batch_size").asInt(), "--verbose", 0));
        CliRun run = CliRun.of(args.toArray());
        assertEquals(0, run.status(), run.err());
        for (int k = 0; k < want.size(); k++) {
            Tensor expected = CliRun.array(want.get(k));
            Tensor got = Npy.read(dir.resolve("y" + k + ".npy"));
            assertEquals(expected.shape(), got.shape(), name + " output " + k);
            FitCommandTest.assertClose(expected.data(), got.data(), 1e-5, name + " output " + k);
        }
    }

    @Test
    void aConfigJsonTakesItsWeightsFromWeights() throws Exception {
        JsonNode doc = CliRun.expected("mlp_adam");
        Path y = dir.resolve("y.npy");
        CliRun run = CliRun.of("predict", CliRun.golden("mlp_adam.config.json"), "--weights",
                CliRun.golden("mlp_adam.weights.h5"), "--input", CliRun.golden("mlp_adam.x0.npy"), "--output", y,
                "--verbose", 0);
        assertEquals(0, run.status(), run.err());
        FitCommandTest.assertClose(CliRun.array(doc.get("predictions_before_fit").get(0)).data(), Npy.read(y).data(),
                1e-5, "predictions");

        CliRun without = CliRun.of("predict", CliRun.golden("mlp_adam.config.json"), "--input",
                CliRun.golden("mlp_adam.x0.npy"), "--output", y);
        assertEquals(1, without.status());
        assertEquals("jnn predict: " + CliRun.golden("mlp_adam.config.json") + ": this is a model config (JSON) "
                + "without weights; give its weights with --weights W.h5\n", without.jnnErrors());
    }

    @Test
    void csvInAndOutOneRowPerSampleFlattened() throws Exception {
        // conv_lstm_rmsprop's input is (24, 9, 2): in CSV each sample is one row of 18 numbers.
        JsonNode doc = CliRun.expected("conv_lstm_rmsprop");
        Tensor x = Npy.read(CliRun.golden("conv_lstm_rmsprop.x0.npy"));
        Path csv = dir.resolve("x.csv");
        String header = String.join(",", java.util.stream.IntStream.range(0, 18).mapToObj(i -> "c" + i).toList());
        Files.writeString(csv, header + "\n" + ArrayFiles.csv(x));
        Path y = dir.resolve("y.csv");
        CliRun run = CliRun.of("predict", CliRun.golden("conv_lstm_rmsprop.keras"), "--input", csv, "--output", y,
                "--verbose", 0);
        assertEquals(0, run.status(), run.err());
        List<String> lines = Files.readAllLines(y);
        float[] want = CliRun.array(doc.get("predictions_before_fit").get(0)).data();
        assertEquals(want.length, lines.size(), "one line per sample");
        float[] got = new float[lines.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = Float.parseFloat(lines.get(i));
        }
        FitCommandTest.assertClose(want, got, 1e-5, "csv predictions");
    }

    @Test
    void csvOfRank3OutputsFlattensEachSample() {
        Tensor t = new Tensor(Shape.of(2, 2, 3), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.5f});
        assertEquals("1.0,2.0,3.0,4.0,5.0,6.0\n7.0,8.0,9.0,10.0,11.0,12.5\n", ArrayFiles.csv(t));
        assertEquals("1.0\n2.0\n", ArrayFiles.csv(new Tensor(Shape.of(2), new float[] {1, 2})));
    }

    @Test
    void wrongCountsAndShapesNameTheFileAndBothShapes() throws Exception {
        Path model = CliRun.golden("two_in_two_out.keras");
        Path left = CliRun.golden("two_in_two_out.x0.npy");
        Path right = CliRun.golden("two_in_two_out.x1.npy");
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");

        CliRun oneOutput = CliRun.of("predict", model, "--input", left, "--input", right, "--output", a);
        assertEquals(1, oneOutput.status());
        assertEquals("jnn predict: model \"two_in_two_out\" has 2 outputs [reg, cls], got 1 --output file [" + a
                + "]\n", oneOutput.jnnErrors());

        CliRun threeInputs = CliRun.of("predict", model, "--input", left, "--input", right, "--input", right,
                "--output", a, "--output", b);
        assertEquals(1, threeInputs.status());
        assertTrue(threeInputs.jnnErrors().startsWith("jnn predict: model \"two_in_two_out\" has 2 inputs [left, right], "
                + "got 3 --input files"), threeInputs.err());

        Path narrow = dir.resolve("narrow.npy");
        Npy.write(narrow, new Tensor(Shape.of(30, 4), new float[120]));
        CliRun shape = CliRun.of("predict", model, "--input", narrow, "--input", right, "--output", a, "--output", b);
        assertEquals(1, shape.status());
        assertEquals("jnn predict: --input " + narrow + ": model input 1 of 2 (\"left\") expects shape (None, 5), "
                + "the file holds shape (30, 4)\n", shape.jnnErrors());

        Path fewer = dir.resolve("fewer.npy");
        Npy.write(fewer, Npy.read(right).sliceRows(0, 7));
        CliRun samples = CliRun.of("predict", model, "--input", left, "--input", fewer, "--output", a, "--output", b);
        assertEquals(1, samples.status());
        assertEquals("jnn predict: the arrays must hold the same number of samples: " + left + " has 30 (30, 5), "
                + fewer + " has 7 (7, 3)\n", samples.jnnErrors());

        Path single = CliRun.golden("sgd_momentum_val.keras");
        CliRun sequential = CliRun.of("predict", single, "--input", left, "--output", a);
        assertEquals(1, sequential.status());
        assertEquals("jnn predict: --input " + left + ": the model's input expects shape (None, 3), the file holds "
                + "shape (30, 5)\n", sequential.jnnErrors());
        assertFalse(Files.exists(a) || Files.exists(b), "nothing written on error");
        assertFalse(shape.err().contains("\tat "), "no stack trace");
    }

    @Test
    void damagedOrMissingFilesAreOneLineErrors() throws Exception {
        Path x = CliRun.golden("mlp_adam.x0.npy");
        Path junk = dir.resolve("junk.keras");
        Files.writeString(junk, "not a model");
        CliRun run = CliRun.of("predict", junk, "--input", x, "--output", dir.resolve("y.npy"));
        assertEquals(1, run.status());
        assertEquals("jnn predict: " + junk + ": not a Keras file: it starts with neither a zip (PK\\3\\4), an HDF5 "
                + "(\\x89HDF) nor a JSON ({) signature\n", run.jnnErrors());

        Path notNpy = dir.resolve("x.npy");
        Files.writeString(notNpy, "hello");
        CliRun bad = CliRun.of("predict", CliRun.golden("mlp_adam.keras"), "--input", notNpy, "--output",
                dir.resolve("y.npy"));
        assertEquals(1, bad.status());
        assertEquals("jnn predict: " + notNpy + ": truncated .npy file (5 bytes, no complete header)\n", bad.jnnErrors());

        Path missing = dir.resolve("missing.npy");
        CliRun gone = CliRun.of("predict", CliRun.golden("mlp_adam.keras"), "--input", missing, "--output",
                dir.resolve("y.npy"));
        assertEquals(1, gone.status());
        assertEquals("jnn predict: " + missing + ": no such file\n", gone.jnnErrors());

        Path nowhere = dir.resolve("no/such/folder/y.npy");
        CliRun folder = CliRun.of("predict", CliRun.golden("mlp_adam.keras"), "--input", x, "--output", nowhere,
                "--verbose", 0);
        assertEquals(1, folder.status());
        assertTrue(folder.jnnErrors().startsWith("jnn predict: " + nowhere + ": the folder "), folder.err());
    }

    @Test
    void usageErrorsExitWith2() {
        Path model = CliRun.golden("mlp_adam.keras");
        Path x = CliRun.golden("mlp_adam.x0.npy");
        assertEquals(2, CliRun.of("predict", model, "--input", x).status(), "no --output");
        assertEquals(2, CliRun.of("predict", model, "--input", x, "--output", dir.resolve("y.txt")).status());
        assertEquals(2, CliRun.of("predict", model, "--input", x, "--output", dir.resolve("y.npy"), "--batch-size", 0)
                .status());
    }
}
