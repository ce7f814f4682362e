package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchPeerTest {
    @TempDir
    Path tmp;

    private Path anchors() throws IOException {
        Path anchors = tmp.resolve("shared/anchors");
        Files.createDirectories(anchors.resolve("torch"));
        Files.writeString(anchors.resolve("torch/bench.py"), "# stand-in\n");
        return anchors;
    }

    @Test
    void commandIsBenchPyWithTheAnchorsFlags() throws IOException {
        Path anchors = anchors();
        var peer = new TorchPeer("/venv/bin/python", anchors, new PrintWriter(new StringWriter()));
        Path out = tmp.resolve("out.json");
        String script = anchors.resolve("torch/bench.py").toString();
        assertEquals(List.of("/venv/bin/python", script, "--out", out.toString(), "--label", "jnn-peer",
                "--no-seed-stats", "--sections", "xor,mlp"), peer.command(out, List.of("xor", "mlp"), false));
        assertEquals(List.of("/venv/bin/python", script, "--out", out.toString(), "--label", "jnn-peer",
                "--no-seed-stats", "--sections", "mlp", "--quick"), peer.command(out, List.of("mlp"), true));
        assertThrows(IllegalArgumentException.class, () -> peer.command(out, List.of(), false));
    }

    @Test
    void anchorsAreFoundAsSharedAnchorsBesideAnAncestor() throws IOException {
        Path anchors = anchors();
        Path cwd = Files.createDirectories(tmp.resolve("wt-bench/jnn-cli"));
        assertEquals(Optional.of(anchors.toAbsolutePath().normalize()), TorchPeer.findAnchors(cwd));
        assertEquals(Optional.of(anchors.toAbsolutePath().normalize()), TorchPeer.findAnchors(tmp));
    }

    @Test
    void aFolderWithoutBenchPyIsNotTheAnchors() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(tmp.resolve("shared/anchors/torch"));   // bench.py missing
        Optional<Path> found = TorchPeer.findAnchors(cwd);
        assertTrue(found.isEmpty() || !found.get().startsWith(tmp), "found " + found);
    }

    @Test
    void pythonWithoutTorchIsNotRunWithTheReason() throws IOException {
        Path python = tmp.resolve("python-without-torch");
        Files.writeString(python, "#!/bin/sh\necho 'Traceback (most recent call last):'\n"
                + "echo \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        var progress = new StringWriter();
        var outcome = new TorchPeer(python.toString(), anchors(), new PrintWriter(progress)).run(List.of("xor"), true);
        var notRun = assertInstanceOf(TorchPeer.NotRun.class, outcome);
        assertTrue(notRun.reason().startsWith(python + " has no PyTorch"), notRun.reason());
        assertTrue(notRun.reason().contains("No module named 'torch'"), notRun.reason());
        assertTrue(progress.toString().contains("torch | Traceback"), progress.toString());
    }

    @Test
    void anotherFailureReportsTheExitStatus() throws IOException {
        Path python = tmp.resolve("failing-python");
        Files.writeString(python, "#!/bin/sh\necho 'boom'\nexit 3\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        var outcome = new TorchPeer(python.toString(), anchors(), new PrintWriter(new StringWriter()))
                .run(List.of("xor"), true);
        var notRun = assertInstanceOf(TorchPeer.NotRun.class, outcome);
        assertEquals("bench.py failed with exit status 3:\nboom", notRun.reason());
    }

    @Test
    void unknownAnchorsAreNotRunWithAPointerToTheOption() {
        var outcome = new TorchPeer("python3", null, new PrintWriter(new StringWriter())).run(List.of("xor"), true);
        var notRun = assertInstanceOf(TorchPeer.NotRun.class, outcome);
        assertTrue(notRun.reason().contains("--anchors DIR"), notRun.reason());
    }

    @Test
    void blankPythonIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TorchPeer(" ", null, new PrintWriter(new StringWriter())));
        assertEquals("python must not be blank, got ' '", e.getMessage());
    }
}
