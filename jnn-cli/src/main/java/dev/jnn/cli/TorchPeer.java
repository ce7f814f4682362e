package dev.jnn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs the PyTorch anchor in a child process, in the same invocation as jnn's own benchmark, so that
 * the ratios compare runs on the same machine under the same load:
 * <pre>
 * PYTHON ANCHORS/torch/bench.py --out TMP.json --label jnn-peer --no-seed-stats --sections xor,mlp [--quick]
 * </pre>
 * The anchors folder is {@code ../shared/anchors} relative to the repository root, found by walking
 * up from the working directory, unless given explicitly. A missing Python, a Python without torch or
 * a failed run is not an error of {@code jnn bench}: it yields {@link NotRun} with the reason, and
 * jnn's own figures are still printed.
 *
 * <pre>{@code
 * var peer = new TorchPeer("python3", anchors, progress);
 * TorchPeer.Outcome outcome = peer.run(List.of("xor", "mlp"), false);
 * }</pre>
 */
final class TorchPeer {
    /** How to get a Python with torch, printed whenever the peer could not run. */
    static final String INSTALL_HINT = """
            To install PyTorch for the peer benchmark (from the repository root):
              ../shared/tools/python-venv.sh VENV
              JNN_PEER_PYTHON=VENV/bin/python ./jnn bench --peers""";

    /** The anchors folder's path from an ancestor of the working directory. */
    private static final Path ANCHORS_FROM_ANCESTOR = Path.of("shared", "anchors");
    private static final Path BENCH_SCRIPT = Path.of("torch", "bench.py");
    private static final int TAIL_LINES = 5;

    private final String python;
    private final Path anchors;
    private final PrintWriter progress;

    /** The result of trying to run the peer. */
    sealed interface Outcome permits Measured, NotRun {
    }

    /** The peer ran and wrote its results. */
    record Measured(TorchResults results) implements Outcome {
    }

    /** The peer did not run; {@code reason} says why in one or a few lines. */
    record NotRun(String reason) implements Outcome {
    }

    /**
     * @param python   the Python executable ({@code $JNN_PEER_PYTHON}, default {@code python3})
     * @param anchors  the anchors folder (holding {@code torch/bench.py}), or null when it was not found
     * @param progress where the child's output is echoed line by line (it reports each finished section)
     */
    TorchPeer(String python, Path anchors, PrintWriter progress) {
        if (python == null || python.isBlank()) {
            throw new IllegalArgumentException("python must not be blank, got '" + python + "'");
        }
        this.python = python;
        this.anchors = anchors;
        this.progress = progress;
    }

    /**
     * The anchors folder seen from {@code start}: the first ancestor {@code A} of {@code start} (itself
     * included) with {@code A/shared/anchors/torch/bench.py}, i.e. {@code ROOT/../shared/anchors} for a
     * repository root {@code ROOT} at or above {@code start}.
     */
    static Optional<Path> findAnchors(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(ANCHORS_FROM_ANCESTOR);
            if (Files.isRegularFile(candidate.resolve(BENCH_SCRIPT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The child's command line for the given bench.py sections. */
    List<String> command(Path out, List<String> sections, boolean quick) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("sections must not be empty, got " + sections);
        }
        List<String> command = new ArrayList<>(List.of(python, anchors.resolve(BENCH_SCRIPT).toString(),
                "--out", out.toString(), "--label", "jnn-peer", "--no-seed-stats",
                "--sections", String.join(",", sections)));
        if (quick) {
            command.add("--quick");
        }
        return command;
    }

    /** Runs bench.py for {@code sections} and reads its results; never throws for a missing or broken peer. */
    Outcome run(List<String> sections, boolean quick) {
        if (anchors == null || !Files.isRegularFile(anchors.resolve(BENCH_SCRIPT))) {
            return new NotRun("the anchors folder (with torch/bench.py) was not found"
                    + (anchors == null ? " above the working directory" : " at " + anchors)
                    + "; pass --anchors DIR");
        }
        Path out = null;
        try {
            out = Files.createTempFile("jnn-bench-torch", ".json");
            Process process;
            try {
                process = new ProcessBuilder(command(out, sections, quick)).redirectErrorStream(true).start();
            } catch (IOException e) {
                return new NotRun("could not start '" + python + "' (" + e.getMessage() + ")");
            }
            Deque<String> tail = echo(process);
            int exit = process.waitFor();
            if (exit != 0) {
                String last = String.join("\n", tail);
                String why = last.contains("No module named") ? python + " has no PyTorch (or NumPy)"
                        : "bench.py failed with exit status " + exit;
                return new NotRun(why + ":\n" + last);
            }
            return new Measured(TorchResults.parse(Files.readString(out)));
        } catch (IOException e) {
            return new NotRun("could not read bench.py's results: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NotRun("interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            }
        }
    }

    /** Echoes the child's output as it comes (sections take minutes) and keeps its last lines for errors. */
    private Deque<String> echo(Process process) throws IOException {
        Deque<String> tail = new ArrayDeque<>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                progress.println("  torch | " + line);
                progress.flush();
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
            }
        }
        return tail;
    }
}
