package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.cli.plot.Plots;
import dev.jnn.cli.plot.PngAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnn compare --preset xor} reports the numbers {@code jnn xor} reports, for the same seeds. */
class CompareXorPresetTest {
    @TempDir
    Path dir;

    @Test
    void theStudyAndThePresetAgreeOnThreeSeeds() throws Exception {
        CliRun xor = CliRun.of("xor", "--seeds", "3", "--json");
        assertEquals(0, xor.status(), xor.err());
        Path out = dir.resolve("report");
        CliRun compare = CliRun.of("compare", "--preset", "xor", "--seeds", "3", "--json", "--output", out.toString());
        assertEquals(0, compare.status(), compare.err());
        JsonNode study = new ObjectMapper().readTree(xor.out()).get("configs");
        JsonNode preset = new ObjectMapper().readTree(compare.out()).get("configs");
        assertEquals(XorConfig.study().size(), study.size());
        assertEquals(study.size(), preset.size());
        for (int i = 0; i < study.size(); i++) {
            JsonNode s = study.get(i);
            JsonNode p = preset.get(i);
            String name = s.get("name").asText();
            assertEquals(name, p.get("name").asText());
            assertEquals(s.get("seeds").asInt(), p.get("seeds").asInt(), name);
            assertEquals(s.get("success_rate").asDouble(), p.get("success_rate").asDouble(), 0.0, name);
            assertEquals(s.get("mean_final_loss").asDouble(), p.get("final_metric").get("mean").asDouble(), 0.0, name);
            assertEquals(s.get("unsolved").asInt(), p.get("epochs_to_target").get("unreached").asInt(), name);
            JsonNode median = s.get("median_epochs_to_solve");
            JsonNode presetMedian = p.get("epochs_to_target").get("median");
            assertEquals(median.isNull(), presetMedian.isNull(), name);
            if (!median.isNull()) {
                assertEquals(median.asDouble(), presetMedian.asDouble(), 0.0, name);
            }
        }
        // Ten curves, each in its palette colour; before (10,000 epochs) beside 1,000: log epochs.
        PngAssertions.assertChart(out.resolve("loss.png"), 50, Plots.color(0), Plots.color(1), Plots.color(9));
        PngAssertions.assertChart(out.resolve("epochs_to_target.png"), 0);
        assertTrue(java.nio.file.Files.readString(out.resolve("report.md")).contains("| after/units=16 | 3 |"));
    }
}
