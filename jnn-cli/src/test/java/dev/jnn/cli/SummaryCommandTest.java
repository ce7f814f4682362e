package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jnn summary} prints what Keras's {@code model.summary()} printed for the same file. */
class SummaryCommandTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp_adam", "two_in_two_out"})
    void printsKerasSummary(String name) throws Exception {
        JsonNode doc = CliRun.expected(name);
        CliRun run = CliRun.of("summary", CliRun.golden(name + ".keras"), "--line-length", doc.get("summary_width").asInt());
        assertEquals(0, run.status(), run.err());
        assertEquals(doc.get("summary").asText(), run.out()); // byte sizes too: int64 iterations as on TensorFlow
    }

    @Test
    void aConfigJsonNeedsNoWeights() {
        CliRun run = CliRun.of("summary", CliRun.golden("mlp_adam.config.json"), "--line-length", 100);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("│ probabilities (Dense)                      │ (None, 3)                       │"
                + "                39 │"), run.out());
        assertTrue(run.out().contains(" Total params: 99 (396.00 B)"), run.out());
    }

    @Test
    void aLossOrOptimizerJnnLacksDoesNotStopTheSummaryOrPredict(@TempDir Path dir) throws Exception {
        Path edited = dir.resolve("custom.keras");
        try (var in = new ZipInputStream(Files.newInputStream(CliRun.golden("mlp_adam.keras")));
                var out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("config.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("\"class_name\": \"Adam\"",
                            "\"class_name\": \"MyOptimizer\"").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
            }
        }
        CliRun fit = CliRun.of("fit", edited, "--x", CliRun.golden("mlp_adam.x0.npy"), "--y",
                CliRun.golden("mlp_adam.y0.npy"), "--epochs", 1, "--output", dir.resolve("out.keras"));
        assertEquals(1, fit.status(), "fit needs the optimizer");
        assertTrue(fit.jnnErrors().startsWith("jnn fit: " + edited + " (Keras 3.15.1): Keras MyOptimizer"), fit.err());

        CliRun summary = CliRun.of("summary", edited, "--line-length", 100);
        assertEquals(0, summary.status(), summary.err());
        assertTrue(summary.out().contains(" Total params: 99 (396.00 B)"), summary.out());
        CliRun predict = CliRun.of("predict", edited, "--input", CliRun.golden("mlp_adam.x0.npy"), "--output",
                dir.resolve("y.npy"), "--verbose", 0);
        assertEquals(0, predict.status(), predict.err());
    }

    @Test
    void aMissingModelIsAUserError() {
        CliRun run = CliRun.of("summary", "nowhere.keras");
        assertEquals(1, run.status());
        assertEquals("jnn summary: nowhere.keras: no such file\n", run.jnnErrors());
        assertEquals(2, CliRun.of("summary").status(), "MODEL is required");
    }
}
