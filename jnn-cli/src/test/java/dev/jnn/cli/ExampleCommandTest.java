package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each example runs on a small slice of its real data (skipped where the data is not present). */
class ExampleCommandTest {
    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute(args), "exit status of jnn " + String.join(" ", args));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void irisReachesItsAccuracyWithTheDefaults() throws Exception {
        assumeTrue(Datasets.available("sklearn/iris.csv"), "Iris not found under " + Datasets.dir());
        JsonNode doc = new ObjectMapper().readTree(run("example", "iris", "--json"));
        assertEquals("iris", doc.get("example").asText());
        assertEquals(100, doc.get("epochs").asInt());
        assertTrue(doc.get("test_accuracy").asDouble() >= 0.95, doc.toString());
        assertTrue(doc.get("test_loss").asDouble() > 0 && doc.get("seconds").asDouble() > 0, doc.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"digits, sklearn/digits.csv.gz, 300", "mnist-mlp, mnist/train-images-idx3-ubyte.gz, 256",
        "mnist-cnn, mnist/train-images-idx3-ubyte.gz, 128",
        "fashion-mnist-cnn, fashion-mnist/train-images-idx3-ubyte.gz, 128"})
    void runsOnASliceAndReportsJson(String example, String file, int limit) throws Exception {
        assumeTrue(Datasets.available(file), file + " not found under " + Datasets.dir());
        JsonNode doc = new ObjectMapper().readTree(run("example", example, "--json", "--epochs", "1",
                "--limit", String.valueOf(limit)));
        assertEquals(example, doc.get("example").asText());
        assertEquals(1, doc.get("epochs").asInt());
        double accuracy = doc.get("test_accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1, doc.toString());
        assertTrue(Double.isFinite(doc.get("test_loss").asDouble()), doc.toString());
    }

    @Test
    void digitPatternNeedsNoFilesAndLearnsOnASlice() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(run("example", "digit-pattern", "--json", "--epochs", "3",
                "--limit", "1000"));
        assertEquals("digit-pattern", doc.get("example").asText());
        assertEquals(3, doc.get("epochs").asInt());
        assertTrue(doc.get("test_accuracy").asDouble() >= 0.75, "well above chance (0.5): " + doc);
    }

    @Test
    void digitPatternDataIsSeededBalancedAndLabelledByThePattern() {
        var first = PatternSequences.generate(200, new java.util.SplittableRandom(3));
        var again = PatternSequences.generate(200, new java.util.SplittableRandom(3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(first.x().data(), again.x().data());
        assertEquals(dev.jnn.tensor.Shape.of(200, 20, 10), first.x().shape());
        int positives = 0;
        for (int i = 0; i < 200; i++) {
            int[] digits = new int[20];
            for (int t = 0; t < 20; t++) {
                for (int d = 0; d < 10; d++) {
                    if (first.x().data()[(i * 20 + t) * 10 + d] == 1f) {
                        digits[t] = d;
                    }
                }
            }
            boolean label = first.y().data()[i] == 1f;
            assertEquals(label, PatternSequences.containsPattern(digits), "sample " + i);
            positives += label ? 1 : 0;
        }
        assertEquals(100, positives);
    }

    @Test
    void listsEveryExampleAndRejectsUnknownNames() {
        String out = run("example", "--list");
        for (String name : new String[] {"iris", "digits", "mnist-mlp", "mnist-cnn", "fashion-mnist-cnn",
            "digit-pattern"}) {
            assertTrue(out.contains(name), out);
        }
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertNotEquals(0, Main.execute("example", "cifar"));
        } finally {
            System.setErr(savedErr);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mnist-cnn"), err.toString());
    }
}
