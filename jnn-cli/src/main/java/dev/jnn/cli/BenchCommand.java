package dev.jnn.cli;

import dev.jnn.kernels.Kernels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jnn bench}: jnn's speed on the anchors' workloads ({@link Workloads}), optionally next to
 * PyTorch run in the same invocation ({@link TorchPeer}), as a table or as JSON ({@link BenchReport}).
 * Progress goes to standard error so that {@code --json} output stays a clean document.
 *
 * <pre>{@code
 * ./jnn bench                                   # full size, table
 * ./jnn bench --quick --json                    # smoke test
 * JNN_PEER_PYTHON=VENV/bin/python ./jnn bench --peers --only xor,mlp_train,mlp_infer
 * }</pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time jnn on the anchor workloads (xor, mlp_train, mlp_infer, ...), optionally next to PyTorch.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document: {\"workloads\": [{name, unit, jnn, peers}]}.")
    boolean json;

    @Option(names = "--peers", description = "Also run the PyTorch anchor (anchors/torch/bench.py) and print ratios.")
    boolean peers;

    @Option(names = "--quick", description = "Tiny sizes for a smoke test; the timings mean nothing.")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "WORKLOAD",
            description = "Run only these workloads (xor, mlp_train, mlp_infer, cnn_train, lstm_train).")
    List<String> only;

    @Option(names = "--anchors", paramLabel = "DIR",
            description = "The anchors folder (default: ../shared/anchors from the repository root, found upwards).")
    Path anchors;

    @Option(names = "--peer-python", paramLabel = "PYTHON",
            description = "Python with torch for --peers (default: $JNN_PEER_PYTHON, else python3).")
    String peerPython;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Workload> workloads;
        try {
            workloads = Workloads.select(only);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        BenchSize size = quick ? BenchSize.QUICK : BenchSize.FULL;
        // In JSON mode standard output carries the document only; notes go to standard error.
        PrintWriter notes = json ? err : out;
        if (!json) {
            printHeader(out, size);
        }

        List<OptionalDouble> jnn = new ArrayList<>();
        for (Workload w : workloads) {
            if (w.missing().isPresent()) {
                jnn.add(OptionalDouble.empty());
                continue;
            }
            err.printf(Locale.ROOT, "jnn bench: %s (%s)...%n", w.name(), w.description());
            err.flush();
            double value = w.measure(size);
            err.printf(Locale.ROOT, "jnn bench: %s = %.1f %s%n", w.name(), value, w.unit().symbol());
            err.flush();
            jnn.add(OptionalDouble.of(value));
        }

        TorchResults torch = peers ? runPeer(workloads, err, notes) : null;
        List<BenchRow> rows = new ArrayList<>();
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            OptionalDouble peer = torch == null || jnn.get(i).isEmpty() ? OptionalDouble.empty() : torch.value(w);
            rows.add(new BenchRow(w, jnn.get(i), peer));
        }
        if (json) {
            out.println(BenchReport.json(rows));
        } else {
            if (torch != null) {
                out.printf(Locale.ROOT, "PyTorch %s, %d threads%s. ratio = how many times faster jnn is "
                                + "(torch ms / jnn ms; jnn samples/s / torch samples/s): > 1 means jnn is faster.%n",
                        torch.torchVersion(), torch.threads(), torch.quick() ? ", quick sizes" : "");
            }
            out.println();
            out.print(BenchReport.table(rows, torch != null));
        }
        out.flush();
        return 0;
    }

    private static void printHeader(PrintWriter out, BenchSize size) {
        out.printf(Locale.ROOT, "jnn bench (%s size): kernels backend %s, %d thread%s; Java %s, %d cores available.%n",
                size.label(), Kernels.backend(), Kernels.threads(), Kernels.threads() == 1 ? "" : "s",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "Medians of %d timed runs after a warm-up of %s; other load on the machine "
                + "makes them noisy.%s%n", size.repeats(),
                size.warmupSeconds() > 0 ? String.format(Locale.ROOT, "at least %.0f s", size.warmupSeconds())
                        : size.warmupRuns() + " run(s)",
                size == BenchSize.QUICK ? " --quick: tiny sizes, the timings mean nothing." : "");
        out.flush();
    }

    /** Runs PyTorch on the sections the chosen workloads need; null (after a note with the install hint) when it cannot. */
    private TorchResults runPeer(List<Workload> workloads, PrintWriter progress, PrintWriter notes) {
        List<String> sections = workloads.stream().filter(w -> w.missing().isEmpty())
                .map(Workload::torchSection).distinct().toList();
        if (sections.isEmpty()) {
            return null;
        }
        Path dir = anchors != null ? anchors : TorchPeer.findAnchors(Path.of("")).orElse(null);
        String python = python();
        progress.printf(Locale.ROOT, "jnn bench: PyTorch peer: %s %s, sections %s (takes minutes at full size)...%n",
                python, dir == null ? "(anchors not found)" : dir.resolve("torch/bench.py"), String.join(",", sections));
        progress.flush();
        TorchPeer.Outcome outcome = new TorchPeer(python, dir, progress).run(sections, quick);
        return switch (outcome) {
            case TorchPeer.Measured m -> m.results();
            case TorchPeer.NotRun n -> {
                notes.println("PyTorch peer not run: " + n.reason());
                notes.println(TorchPeer.INSTALL_HINT);
                notes.println("jnn's own figures follow.");
                notes.flush();
                yield null;
            }
        };
    }

    private String python() {
        if (peerPython != null && !peerPython.isBlank()) {
            return peerPython;
        }
        String env = System.getenv("JNN_PEER_PYTHON");
        return env != null && !env.isBlank() ? env : "python3";
    }
}
