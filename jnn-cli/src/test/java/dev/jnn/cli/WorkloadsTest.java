package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void allAreTheAnchorsWorkloadsInOrder() {
        assertEquals(List.of("xor", "mlp_train", "mlp_infer", "cnn_train", "lstm_train"),
                Workloads.all().stream().map(Workload::name).toList());
        assertEquals(List.of("xor", "mlp", "mlp", "cnn", "lstm"),
                Workloads.all().stream().map(Workload::torchSection).toList(), "bench.py --sections names");
    }

    @Test
    void availableWorkloadsMapToKeysThatBenchPyWrites() throws IOException {
        TorchResults sample = TorchResults.parse(Files.readString(TorchResultsTest.sampleFile()));
        for (Workload w : Workloads.all()) {
            // The sample run measured some sections only (not lstm); check the workloads whose section it ran.
            boolean sectionRan = sample.results().keySet().stream().anyMatch(k -> k.startsWith(w.torchSection() + "."));
            if (w.missing().isEmpty() && sectionRan) {
                assertTrue(sample.results().containsKey(w.torchKey()), w.name() + " -> " + w.torchKey());
            }
        }
        assertEquals("lstm.train_samples_per_s", new LstmTrainWorkload().torchKey(), "the key bench_lstm writes");
        assertEquals(BenchUnit.MILLISECONDS, new XorWorkload().unit());
        assertEquals(BenchUnit.SAMPLES_PER_SECOND, new MlpTrainWorkload().unit());
        assertEquals(BenchUnit.SAMPLES_PER_SECOND, new MlpInferWorkload().unit());
    }

    @Test
    void selectKeepsTheCanonicalOrderAndRejectsUnknownNames() {
        assertEquals(List.of("xor", "mlp_infer"),
                Workloads.select(List.of("mlp_infer", "xor")).stream().map(Workload::name).toList());
        assertEquals(5, Workloads.select(null).size());
        var e = assertThrows(IllegalArgumentException.class, () -> Workloads.select(List.of("gemm")));
        assertEquals("--only: unknown workload 'gemm'; valid: [xor, mlp_train, mlp_infer, cnn_train, lstm_train]",
                e.getMessage());
    }

    @Test
    void pendingWorkloadsSayWhatTheyNeedAndRefuseToRun() {
        Workload lstm = new PendingWorkload("lstm_train", BenchUnit.SAMPLES_PER_SECOND, "an LSTM workload",
                "lstm.train_samples_per_s", "LSTM");
        assertEquals(Optional.of("not available yet (needs LSTM)"), lstm.missing());
        var e = assertThrows(IllegalStateException.class, () -> lstm.measure(BenchSize.QUICK));
        assertEquals("lstm_train is not available yet (needs LSTM)", e.getMessage());
        assertEquals(Optional.empty(), new XorWorkload().missing());
    }

    @Test
    void sizesAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BenchSize("x", 0, 1, 0, 1, 1, 1));
        assertEquals("repeats must be > 0, got 0", e.getMessage());
        assertEquals(60_000, BenchSize.FULL.trainSamples());
        assertEquals(1000, BenchSize.FULL.xorEpochs());
    }
}
