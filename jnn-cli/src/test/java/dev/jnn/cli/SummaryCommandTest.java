package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code jnn summary} prints what Keras's {@code model.summary()} printed for the same file. */
class SummaryCommandTest {
    /**
     * Keras on TensorFlow counts the optimizer's int64 {@code iterations} as 8 bytes where jnn (like Keras on
     * JAX) counts 4, so the byte sizes of the two lines that include optimizer variables are left out.
     */
    private static String withoutOptimizerBytes(String summary) {
        return summary.replaceAll("(?m)^( (Total|Optimizer) params: [0-9,]+) \\([0-9.]+ [KMG]?B\\)$", "$1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp_adam", "two_in_two_out"})
    void printsKerasSummary(String name) throws Exception {
        JsonNode doc = CliRun.expected(name);
        CliRun run = CliRun.of("summary", CliRun.golden(name + ".keras"), "--line-length", doc.get("summary_width").asInt());
        assertEquals(0, run.status(), run.err());
        assertEquals(withoutOptimizerBytes(doc.get("summary").asText()), withoutOptimizerBytes(run.out()));
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
    void aMissingModelIsAUserError() {
        CliRun run = CliRun.of("summary", "nowhere.keras");
        assertEquals(1, run.status());
        assertEquals("jnn summary: nowhere.keras: no such file\n", run.jnnErrors());
        assertEquals(2, CliRun.of("summary").status(), "MODEL is required");
    }
}
