package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XorCommandTest {
    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int status = Main.execute(args);
            assertEquals(0, status, "exit status of jnn " + String.join(" ", args));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonHasBeforeAndAfterWithEveryField() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(run("xor", "--seeds", "3", "--json", "--only", "before,after"));
        JsonNode configs = doc.get("configs");
        assertEquals(2, configs.size());
        assertEquals("before", configs.get(0).get("name").asText());
        assertEquals("after", configs.get(1).get("name").asText());
        JsonNode after = configs.get(1);
        assertEquals(List.of(2, 8, 1), List.of(after.get("layers").get(0).asInt(), after.get("layers").get(1).asInt(),
                after.get("layers").get(2).asInt()));
        assertEquals("relu", after.get("activation").asText());
        assertEquals("mse", after.get("loss").asText());
        assertEquals("adam", after.get("optimizer").asText());
        assertEquals(1000, after.get("epochs").asInt());
        assertEquals(3, after.get("seeds").asInt());
        for (JsonNode c : configs) {
            double rate = c.get("success_rate").asDouble();
            assertTrue(rate >= 0 && rate <= 1, c.toString());
            assertTrue(c.get("unsolved").asInt() >= 0 && c.get("unsolved").asInt() <= 3, c.toString());
            assertTrue(c.get("mean_final_loss").asDouble() > 0 && c.get("mean_final_loss").asDouble() < 0.5, c.toString());
            assertTrue(c.get("ms_per_run").asDouble() > 0, c.toString());
            assertTrue(c.has("median_epochs_to_solve"), c.toString());
        }
        // The all-sigmoid 2-2-1 network with SGD at lr 0.01 does not learn XOR in 10,000 epochs.
        assertEquals(0.0, configs.get(0).get("success_rate").asDouble());
    }

    @Test
    void tableRunsTheProgramFirstAndListsEveryConfiguration() {
        String out = run("xor", "--seeds", "1", "--only", "after,after/units=16");
        assertTrue(out.contains("The study's program"), out);
        assertTrue(out.contains("[1, 1]"), out);
        assertTrue(out.contains("after/units=16"), out);
    }

    @Test
    void unknownConfigurationIsAnError() {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertNotEquals(0, Main.execute("xor", "--only", "nope"));
        } finally {
            System.setErr(savedErr);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("after/units=16"), err.toString());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        List<XorConfig> configs = List.of(XorConfig.AFTER);
        List<XorResult> one = new XorStudy(1).run(configs, 4);
        List<XorResult> two = new XorStudy(2).run(configs, 4);
        assertEquals(one.get(0).successRate(), two.get(0).successRate());
        assertEquals(one.get(0).medianEpochsToSolve(), two.get(0).medianEpochsToSolve());
        assertEquals(one.get(0).meanFinalLoss(), two.get(0).meanFinalLoss());
    }

    @Test
    void aSeededRunIsReproducible() {
        XorStudy.Run a = XorStudy.run(XorConfig.AFTER, 7);
        XorStudy.Run b = XorStudy.run(XorConfig.AFTER, 7);
        assertEquals(a.finalLoss(), b.finalLoss());
        assertEquals(a.epochsToSolve(), b.epochsToSolve());
        assertEquals(a.success(), b.success());
    }
}
