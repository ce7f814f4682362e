package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final Workload LSTM = new PendingWorkload("lstm_train", BenchUnit.SAMPLES_PER_SECOND,
            "an LSTM workload", "lstm.train_samples_per_s", "LSTM");

    private static List<BenchRow> rows() {
        return List.of(
                new BenchRow(new XorWorkload(), OptionalDouble.of(120.0), OptionalDouble.of(258.0)),
                new BenchRow(new MlpTrainWorkload(), OptionalDouble.of(12_500.0), OptionalDouble.of(50_000.0)),
                new BenchRow(new MlpInferWorkload(), OptionalDouble.of(100_000.0), OptionalDouble.empty()),
                new BenchRow(LSTM, OptionalDouble.empty(), OptionalDouble.empty()));
    }

    @Test
    void speedupIsAboveOneWhenJnnIsFasterWhateverTheUnit() {
        assertEquals(258.0 / 120.0, BenchUnit.MILLISECONDS.speedup(120.0, 258.0), 1e-15);
        assertEquals(0.25, BenchUnit.SAMPLES_PER_SECOND.speedup(12_500.0, 50_000.0), 1e-15);
        assertEquals(OptionalDouble.of(2.15), rows().get(0).speedup());
        assertEquals(OptionalDouble.empty(), rows().get(2).speedup());
    }

    @Test
    void tableWithPeersShowsBothFiguresAndTheRatio() {
        String expected = """
                workload    unit                jnn        torch    ratio
                ---------------------------------------------------------
                xor         ms                120.0        258.0     2.15
                mlp_train   samples/s        12,500       50,000     0.25
                mlp_infer   samples/s       100,000            -        -
                lstm_train  samples/s  not available yet (needs LSTM)
                """;
        assertEquals(expected, BenchReport.table(rows(), true));
    }

    @Test
    void tableWithoutPeersShowsJnnOnly() {
        String expected = """
                workload    unit                jnn
                -----------------------------------
                xor         ms                120.0
                mlp_train   samples/s        12,500
                mlp_infer   samples/s       100,000
                lstm_train  samples/s  not available yet (needs LSTM)
                """;
        assertEquals(expected, BenchReport.table(rows(), false));
    }

    @Test
    void jsonLeavesOutUnavailableWorkloadsAndEmptyPeers() {
        String expected = """
                {
                  "workloads" : [ {
                    "name" : "xor",
                    "unit" : "ms",
                    "jnn" : 120.0,
                    "peers" : {
                      "torch" : 258.0
                    }
                  }, {
                    "name" : "mlp_train",
                    "unit" : "samples/s",
                    "jnn" : 12500.0,
                    "peers" : {
                      "torch" : 50000.0
                    }
                  }, {
                    "name" : "mlp_infer",
                    "unit" : "samples/s",
                    "jnn" : 100000.0,
                    "peers" : { }
                  } ]
                }""";
        assertEquals(expected, BenchReport.json(rows()).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void rowNeedsAWorkload() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BenchRow(null, OptionalDouble.empty(), OptionalDouble.empty()));
        assertEquals("workload must not be null", e.getMessage());
    }
}
