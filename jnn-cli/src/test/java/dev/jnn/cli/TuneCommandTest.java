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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnn tune} on the Iris CSV: each strategy, reproducibility, the report. */
class TuneCommandTest {
    private static final String BASE = """
            model: {input: [4], layers: [{dense: 8, activation: relu}, {dense: 3, activation: softmax}]}
            data: {csv: {path: iris.csv, label: species}, validation_split: 0.25, standardize: true}
            compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}
            fit: {epochs: 9, batch_size: 16}
            """;
    private static final String SPACE = """
            base: base.yaml
            objective: {metric: val_accuracy}
            space:
              units: [4, 8, 16]
              depth: {min: 1, max: 2}
              activation: [relu, tanh]
              optimizer: [adam, rmsprop]
              learning_rate: {min: 1e-3, max: 1e-1, log: true}
              batch_size: [16, 32]
            """;

    @TempDir
    Path dir;

    private Path space(String text) throws Exception {
        if (!Files.exists(dir.resolve("iris.csv"))) {
            CliRun.resource("iris.csv", dir);
            Files.writeString(dir.resolve("base.yaml"), BASE);
        }
        Path file = dir.resolve("space.yaml");
        Files.writeString(file, text);
        return file;
    }

    private CliRun tune(Path space, String output, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("tune", space.toString(), "--output",
                dir.resolve(output).toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return run;
    }

    /** trials.csv without the seconds column (the only thing that may differ between equal searches). */
    private List<String> trialsWithoutTimes(String output) throws Exception {
        return Files.readAllLines(dir.resolve(output).resolve("trials.csv")).stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static JsonNode withoutTimes(String json) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(json);
        doc.get("best").forEach(t -> ((ObjectNode) t).remove("seconds"));
        return doc;
    }

    @Test
    void randomSearchIsReproducibleAndIndependentOfTheThreadCount() throws Exception {
        Path space = space(SPACE);
        CliRun one = tune(space, "one", "--trials", "4", "--threads", "1", "--json");
        CliRun two = tune(space, "two", "--trials", "4", "--threads", "2", "--json");
        assertEquals(withoutTimes(one.out()), withoutTimes(two.out()));
        assertEquals(trialsWithoutTimes("one"), trialsWithoutTimes("two"));
        List<String> rows = trialsWithoutTimes("one");
        assertEquals("trial,seed,units,depth,activation,optimizer,learning_rate,batch_size,rung,epochs,val_accuracy",
                rows.get(0));
        assertEquals(5, rows.size());
        CliRun other = tune(space, "other", "--trials", "4", "--seed", "1", "--json");
        assertNotEquals(trialsWithoutTimes("one"), trialsWithoutTimes("other"));
        JsonNode doc = new ObjectMapper().readTree(one.out());
        assertEquals("random", doc.get("strategy").asText());
        assertEquals("max", doc.get("objective").get("direction").asText());
        JsonNode best = doc.get("best");
        assertEquals(4, best.size());
        for (int i = 1; i < best.size(); i++) {
            assertTrue(best.get(i - 1).get("score").asDouble() >= best.get(i).get("score").asDouble(), best.toString());
        }
        double lr = best.get(0).get("params").get("learning_rate").asDouble();
        assertTrue(lr >= 1e-3 && lr <= 1e-1, "log-uniform range respected: " + lr);
    }

    @Test
    void theBestTrialIsWrittenAsASpecThatTrainsItAgain() throws Exception {
        Path space = space(SPACE);
        CliRun run = tune(space, "best", "--trials", "3", "--json");
        JsonNode top = new ObjectMapper().readTree(run.out()).get("best").get(0);
        Path bestFile = dir.resolve("best").resolve("best.json");
        JsonNode spec = new ObjectMapper().readTree(bestFile.toFile());
        assertEquals(top.get("seed").asLong(), spec.get("seed").asLong());
        assertEquals("../iris.csv", spec.get("data").get("csv").get("path").asText(),
                "the data path is rewritten relative to the report folder");
        assertEquals(top.get("params").get("batch_size").asInt(), spec.get("fit").get("batch_size").asInt());
        assertEquals(top.get("params").get("optimizer").asText(), spec.get("compile").get("optimizer").get("name").asText());
        // Trained again from the file, the trial reaches the same best val_accuracy.
        Path out = dir.resolve("retrained");
        CliRun train = CliRun.of("train", bestFile.toString(), "--output", out.toString());
        assertEquals(0, train.status(), train.err());
        List<String> rows = Files.readAllLines(out.resolve("history.csv"));
        int column = List.of(rows.get(0).split(",")).indexOf("val_accuracy");
        double best = rows.subList(1, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r.split(",")[column]))
                .max().orElseThrow();
        assertEquals(top.get("score").asDouble(), best, 1e-6);
    }

    @Test
    void gridSearchTriesEveryCombinationInOrder() throws Exception {
        Path space = space("""
                base: base.yaml
                space:
                  units: [4, 8]
                  optimizer: [adam, sgd]
                  learning_rate: {min: 0.001, max: 0.1, log: true, count: 3}
                """);
        tune(space, "grid", "--strategy", "grid");
        List<String> rows = trialsWithoutTimes("grid");
        assertEquals(1 + 2 * 2 * 3, rows.size());
        assertTrue(rows.get(1).matches("0,\\d+,4,adam,0\\.001,0,9,.*"), rows.get(1));
        assertTrue(rows.get(2).matches("1,\\d+,4,adam,0\\.01,0,9,.*"), rows.get(2));
        assertTrue(rows.get(12).matches("11,\\d+,8,sgd,0\\.1,0,9,.*"), rows.get(12));
        tune(space, "first3", "--strategy", "grid", "--trials", "3");
        assertEquals(rows.subList(0, 4), trialsWithoutTimes("first3"));
    }

    @Test
    void successiveHalvingPromotesATHirdPerRungAndIsThreadIndependent() throws Exception {
        Path space = space(SPACE);
        CliRun one = tune(space, "h1", "--strategy", "halving", "--threads", "1", "--json");
        CliRun two = tune(space, "h2", "--strategy", "halving", "--threads", "2", "--json");
        assertEquals(withoutTimes(one.out()), withoutTimes(two.out()));
        assertEquals(trialsWithoutTimes("h1"), trialsWithoutTimes("h2"));
        List<String> rows = trialsWithoutTimes("h1");
        assertEquals(10, rows.size(), "eta^2 = 9 configurations");
        // 9 epochs at the last rung, eta 3: rungs train up to 1, 3 and 9 epochs; 9 -> 3 -> 1 configurations.
        Map<String, Long> byRungAndEpochs = rows.subList(1, rows.size()).stream()
                .map(r -> r.split(",")).map(c -> c[8] + "/" + c[9])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("0/1", 6L, "1/3", 2L, "2/9", 1L), byRungAndEpochs);
        JsonNode best = new ObjectMapper().readTree(one.out()).get("best").get(0);
        assertEquals(2, best.get("rung").asInt());
        assertEquals(9, best.get("epochs").asInt());
    }

    @Test
    void writesTheReportAndTheScorePlot() throws Exception {
        Path space = space(SPACE);
        CliRun run = tune(space, "report", "--trials", "5");
        assertTrue(run.out().contains("rank  trial  val_accuracy"), run.out());
        assertTrue(run.out().contains("5 trials; wrote"), run.out());
        String md = Files.readString(dir.resolve("report/report.md"));
        assertTrue(md.contains("random search, 5 trials, seed 0; maximize val_accuracy"), md);
        assertTrue(md.contains("| 1 |") && md.contains("![score by trial](score_vs_trial.png)"), md);
        Path png = dir.resolve("report/score_vs_trial.png");
        PngAssertions.assertChart(png, 15, Plots.color(0));   // five markers
        PngAssertions.assertChart(png, 50, Plots.color(1));   // the running best, a line
    }

    @Test
    void spaceMistakesAreNamed() throws Exception {
        assertMistake("""
                base: base.yaml
                space: {unit: [4, 8]}
                """, "space.unit: unknown field \"unit\"; allowed fields of space: units, depth");
        assertMistake("""
                base: base.yaml
                space: {loss: [mse, msee]}
                """, "space.loss[1]: unknown value \"msee\"; allowed: MeanSquaredError");
        assertMistake("""
                base: base.yaml
                space: {learning_rate: {min: 0, max: 0.1, log: true}}
                """, "space.learning_rate.min: must be > 0, got 0.0");
        assertMistake("""
                base: nope.yaml
                space: {units: [4]}
                """, "base: file");
        assertMistake("""
                base: base.yaml
                objective: {metric: val_wobble}
                space: {units: [4]}
                """, "objective.direction: missing: cannot tell whether val_wobble should go up or down");
        assertMistake("""
                base: {data: {csv: {path: iris.csv, label: species}}, compile: {loss: mse}}
                space: {units: [4]}
                """, "input: missing: units, depth, activation and dropout rebuild the model");
        Path grid = space("""
                base: base.yaml
                space: {learning_rate: {min: 0.001, max: 0.1}}
                """);
        CliRun run = CliRun.of("tune", grid.toString(), "--strategy", "grid", "--output", dir.resolve("g").toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("space.learning_rate: grid search needs a list or a range with \"count\""),
                run.err());
    }

    private void assertMistake(String text, String expected) throws Exception {
        Path space = space(text);
        CliRun run = CliRun.of("tune", space.toString(), "--output", dir.resolve("x").toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().contains(expected), run.err());
    }
}
