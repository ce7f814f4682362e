package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.cli.plot.Plots;
import dev.jnn.cli.plot.PngAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnn compare} on two small Iris specs. */
class CompareCommandTest {
    private static final String SPEC = """
            name: %s
            model: {input: [4], layers: [{dense: 8, activation: relu}, {dropout: 0.2}, {dense: 3, activation: softmax}]}
            data: {csv: {path: iris.csv, label: species}, validation_split: 0.25, standardize: true}
            compile: {loss: sparse_categorical_crossentropy, optimizer: %s, metrics: [accuracy]}
            fit: {epochs: 8, batch_size: 16}
            """;

    @TempDir
    Path dir;

    private Path[] specs() throws Exception {
        CliRun.resource("iris.csv", dir);
        Path adam = dir.resolve("adam.yaml");
        Files.writeString(adam, SPEC.formatted("adam", "{name: adam, learning_rate: 0.02}"));
        Path sgd = dir.resolve("sgd.yaml");
        Files.writeString(sgd, SPEC.formatted("sgd", "sgd"));
        return new Path[] {adam, sgd};
    }

    private JsonNode compare(Path[] specs, int threads, String output) throws Exception {
        CliRun run = CliRun.of("compare", specs[0].toString(), specs[1].toString(), "--seeds", "3", "--threads",
                String.valueOf(threads), "--target", "val_accuracy>=0.8", "--output", dir.resolve(output).toString(),
                "--json");
        assertEquals(0, run.status(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    /** The table without what may differ between runs of the same seeds: wall times and the pool size. */
    private static JsonNode withoutTimes(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove("threads");
        copy.get("configs").forEach(c -> ((ObjectNode) c).remove("ms_per_run"));
        return copy;
    }

    @Test
    void oneAndTwoThreadsGiveTheSameTable() throws Exception {
        Path[] specs = specs();
        JsonNode one = compare(specs, 1, "one");
        JsonNode two = compare(specs, 2, "two");
        assertEquals(1, one.get("threads").asInt());
        assertEquals(2, two.get("threads").asInt());
        assertEquals(withoutTimes(one), withoutTimes(two));
        JsonNode adam = one.get("configs").get(0);
        assertEquals("adam", adam.get("name").asText());
        assertEquals(3, adam.get("seeds").asInt());
        assertEquals("val_accuracy", adam.get("final_metric").get("name").asText());
        JsonNode epochs = adam.get("epochs_to_target");
        assertEquals(3, epochs.get("reached").asInt() + epochs.get("unreached").asInt());
        assertTrue(adam.get("ms_per_run").get("mean").asDouble() > 0);
        // The seeds differ, so the runs do: a spread of exactly zero would mean one seed run three times.
        assertNotEquals(0.0, one.get("configs").get(1).get("final_metric").get("std").asDouble());
    }

    @Test
    void writesATableReportAndPlots() throws Exception {
        Path[] specs = specs();
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("compare", specs[0].toString(), specs[1].toString(), "--seeds", "2", "--target",
                "val_accuracy>=0.8", "--output", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("target: val_accuracy >= 0.8"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("adam ")), run.out());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| adam | 2 |") && md.contains("| sgd | 2 |"), md);
        assertTrue(md.contains("![training loss](loss.png)") && md.contains("(epochs_to_target.png)"), md);
        PngAssertions.assertChart(out.resolve("loss.png"), 100, Plots.color(0), Plots.color(1));
        PngAssertions.assertChart(out.resolve("epochs_to_target.png"), 0);
    }

    @Test
    void withoutATargetTheFinalLossIsCompared() throws Exception {
        Path[] specs = specs();
        CliRun run = CliRun.of("compare", specs[0].toString(), "--seeds", "1", "--output", dir.resolve("o").toString(),
                "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode c = new ObjectMapper().readTree(run.out()).get("configs").get(0);
        assertEquals("loss", c.get("final_metric").get("name").asText());
        assertTrue(c.get("epochs_to_target").isNull() && c.get("success_rate").isNull(), c.toString());
        assertTrue(Files.exists(dir.resolve("o/loss.png")) && !Files.exists(dir.resolve("o/epochs_to_target.png")));
    }

    @Test
    void mistakesAreNamed() throws Exception {
        Path[] specs = specs();
        String o = dir.resolve("o").toString();
        CliRun both = CliRun.of("compare", specs[0].toString(), "--preset", "xor", "--output", o);
        assertEquals(1, both.status());
        assertTrue(both.err().contains("give spec files or --preset xor (not both)"), both.err());
        CliRun preset = CliRun.of("compare", "--preset", "xorr", "--output", o);
        assertTrue(preset.err().contains("unknown preset 'xorr'; valid: [xor]"), preset.err());
        CliRun target = CliRun.of("compare", specs[0].toString(), "--target", "val_accuracy=0.9", "--output", o);
        assertTrue(target.err().contains("--target must be METRIC<=VALUE or METRIC>=VALUE"), target.err());
        CliRun unlogged = CliRun.of("compare", specs[0].toString(), "--seeds", "1", "--target", "auc>=0.9",
                "--output", o);
        assertEquals(1, unlogged.status());
        assertTrue(unlogged.err().contains("logs no \"auc\"") && unlogged.err().contains("val_accuracy"),
                unlogged.err());
        Files.writeString(dir.resolve("bad.yaml"), SPEC.formatted("bad", "adamm"));
        CliRun bad = CliRun.of("compare", dir.resolve("bad.yaml").toString(), "--output", o);
        assertTrue(bad.err().contains("bad.yaml: compile.optimizer: unknown optimizer \"adamm\""), bad.err());
    }
}
