package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jnn bench} end to end at quick sizes: what it prints, never how fast it is. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    /** Runs {@code jnn ARGS} through Main's command line with captured output. */
    private static Result jnn(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    private record Result(int status, String out, String err) {
    }

    @Test
    void quickJsonListsEveryAvailableWorkloadWithUnitAndPositiveFigure() throws IOException {
        Result r = jnn("bench", "--quick", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.size(), "only the key 'workloads': " + r.out());
        JsonNode workloads = root.get("workloads");
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (JsonNode w : workloads) {
            names.add(w.get("name").asText());
            units.add(w.get("unit").asText());
            assertTrue(w.get("jnn").isNumber(), w.toString());
            double v = w.get("jnn").doubleValue();
            assertTrue(v > 0 && Double.isFinite(v), w.toString());
            assertTrue(w.get("peers").isObject() && w.get("peers").isEmpty(), "no peers without --peers: " + w);
            assertEquals(4, w.size(), "name, unit, jnn, peers: " + w);
        }
        assertEquals(List.of("xor", "mlp_train", "mlp_infer", "cnn_train", "lstm_train"), names);
        assertEquals(List.of("ms", "samples/s", "samples/s", "samples/s", "samples/s"), units);
    }

    @Test
    void tableShowsOnlyTheChosenWorkloads() {
        Result r = jnn("bench", "--quick", "--only", "lstm_train,xor,cnn_train");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*kernels backend (scalar|vector), [0-9]+ threads?[;,. ].*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nxor +ms +[0-9.]+\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\ncnn_train +samples/s +[0-9,]+\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nlstm_train +samples/s +[0-9,]+\\n.*"), r.out());
        assertTrue(!r.out().contains("mlp_train"), "--only keeps the others out: " + r.out());
    }

    @Test
    void unknownWorkloadIsAUsageError() {
        Result r = jnn("bench", "--quick", "--only", "xor,resnet");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown workload 'resnet'"), r.err());
        assertTrue(r.err().contains("mlp_infer"), "lists the valid names: " + r.err());
    }

    @Test
    void missingPythonPrintsTheInstallHintAndStillJnnsFigures() throws IOException {
        Path anchors = anchorsWithBenchScript();
        Result r = jnn("bench", "--quick", "--only", "xor", "--peers", "--anchors", anchors.toString(),
                "--peer-python", tmp.resolve("no-such-python").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("PyTorch peer not run: could not start"), r.out());
        assertTrue(r.out().contains("../shared/tools/python-venv.sh VENV"), r.out());
        assertTrue(r.out().contains("JNN_PEER_PYTHON=VENV/bin/python ./jnn bench --peers"), r.out());
        assertTrue(r.out().matches("(?s).*\\nxor +ms +[0-9.]+\\n.*"), "jnn's row is still printed: " + r.out());
    }

    @Test
    void missingPythonWithJsonKeepsStdoutAValidDocument() throws IOException {
        Path anchors = anchorsWithBenchScript();
        Result r = jnn("bench", "--quick", "--json", "--only", "xor", "--peers", "--anchors", anchors.toString(),
                "--peer-python", tmp.resolve("no-such-python").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode xor = new ObjectMapper().readTree(r.out()).get("workloads").get(0);
        assertEquals("xor", xor.get("name").asText());
        assertTrue(xor.get("peers").isEmpty(), xor.toString());
        assertTrue(r.err().contains("JNN_PEER_PYTHON=VENV/bin/python ./jnn bench --peers"), r.err());
    }

    @Test
    void peerFiguresComeFromBenchPyOutputFile() throws IOException {
        // A stand-in for python: writes the committed sample (real bench.py --quick output) to --out.
        Path anchors = anchorsWithBenchScript();
        Path fakePython = script("fake-python", "out=''\nwhile [ $# -gt 0 ]; do\n"
                + "  if [ \"$1\" = --out ]; then out=$2; fi\n  shift\ndone\n"
                + "echo '[jnn-peer] xor done in 0.1 s' >&2\n"
                + "cp '" + TorchResultsTest.sampleFile() + "' \"$out\"\n");
        Result r = jnn("bench", "--quick", "--json", "--only", "xor,mlp_infer", "--peers", "--anchors",
                anchors.toString(), "--peer-python", fakePython.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode workloads = new ObjectMapper().readTree(r.out()).get("workloads");
        assertEquals(TorchResultsTest.SAMPLE_XOR_MS, workloads.get(0).get("peers").get("torch").doubleValue(), 0);
        assertEquals(TorchResultsTest.SAMPLE_INFER, workloads.get(1).get("peers").get("torch").doubleValue(), 0);
        assertTrue(r.err().contains("torch | [jnn-peer] xor done in 0.1 s"), "child output is echoed: " + r.err());
    }

    private Path anchorsWithBenchScript() throws IOException {
        Path anchors = tmp.resolve("anchors");
        Files.createDirectories(anchors.resolve("torch"));
        Files.writeString(anchors.resolve("torch/bench.py"), "# stand-in\n");
        return anchors;
    }

    private Path script(String name, String body) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
