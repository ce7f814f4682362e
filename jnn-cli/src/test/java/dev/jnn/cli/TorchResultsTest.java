package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code torch-bench-sample.json}: the output of a real run of
 * {@code anchors/torch/bench.py --quick --no-seed-stats --sections xor,mlp --label jnn-peer} (torch
 * 2.13.0+cpu), with the long {@code meta} strings dropped and one null result added, as bench.py
 * writes for a seed statistic that no seed reached.
 */
class TorchResultsTest {
    /** {@code results["xor.after.run_ms"]} in the sample. */
    static final double SAMPLE_XOR_MS = 791.1205534999226;
    /** {@code results["mlp.train_samples_per_s"]} in the sample. */
    static final double SAMPLE_TRAIN = 10819.686934956691;
    /** {@code results["mlp.infer_b1024_samples_per_s"]} in the sample. */
    static final double SAMPLE_INFER = 108807.69321392255;

    static Path sampleFile() {
        try {
            return Path.of(TorchResultsTest.class.getResource("torch-bench-sample.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsMetaAndTheFiguresOfEachWorkload() throws IOException {
        TorchResults torch = TorchResults.parse(Files.readString(sampleFile()));
        assertEquals("2.13.0+cpu", torch.torchVersion());
        assertEquals(2, torch.threads());
        assertTrue(torch.quick());
        assertEquals(OptionalDouble.of(SAMPLE_XOR_MS), torch.value(new XorWorkload()));
        assertEquals(OptionalDouble.of(SAMPLE_TRAIN), torch.value(new MlpTrainWorkload()));
        assertEquals(OptionalDouble.of(SAMPLE_INFER), torch.value(new MlpInferWorkload()));
        assertEquals(10819.686934956691, torch.results().get("mlp.train_samples_per_s"));
        assertEquals(12, torch.results().size(), "the 12 numeric results; the null one is skipped");
        assertFalse(torch.results().containsKey("xor.after.epochs_to_loss0.05_median"));
    }

    @Test
    void aWorkloadTheRunDidNotMeasureHasNoValue() throws IOException {
        TorchResults torch = TorchResults.parse(Files.readString(sampleFile()));
        Workload lstm = Workloads.select(java.util.List.of("lstm_train")).getFirst();
        assertEquals(OptionalDouble.empty(), torch.value(lstm), "the sample ran sections xor,mlp,cnn only");
    }

    @Test
    void missingMetaGivesDefaults() throws IOException {
        TorchResults torch = TorchResults.parse("{\"results\": {\"xor.after.run_ms\": 12.5}}");
        assertEquals("?", torch.torchVersion());
        assertEquals(0, torch.threads());
        assertEquals(OptionalDouble.of(12.5), torch.value(new XorWorkload()));
    }

    @Test
    void somethingElseIsRejected() {
        IOException e = assertThrows(IOException.class, () -> TorchResults.parse("{\"workloads\": []}"));
        assertTrue(e.getMessage().contains("no \"results\" object"), e.getMessage());
        assertThrows(IOException.class, () -> TorchResults.parse("{not json"));
    }
}
