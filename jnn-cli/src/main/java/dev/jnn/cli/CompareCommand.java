package dev.jnn.cli;

import dev.jnn.cli.compare.CompareReport;
import dev.jnn.cli.compare.CompareRow;
import dev.jnn.cli.compare.CompareTable;
import dev.jnn.cli.compare.Configuration;
import dev.jnn.cli.compare.KernelThreads;
import dev.jnn.cli.compare.ParallelRuns;
import dev.jnn.cli.compare.RunOutcome;
import dev.jnn.cli.compare.SpecConfiguration;
import dev.jnn.cli.compare.Target;
import dev.jnn.cli.spec.DataLoader;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.cli.train.TrainRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jnn compare}: trains each configuration (spec files, or the XOR study's rows) over N seeds
 * on a fixed pool of threads, then prints a table and writes a report folder with plots.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train configurations (spec files, or --preset xor) over N seeds in parallel; print a table "
                + "and write report.md with a loss-curve plot and an epochs-to-target plot.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "SPEC", description = "Spec files to compare (JSON or YAML).")
    List<Path> specs = new ArrayList<>();

    @Option(names = "--preset", description = "A built-in comparison instead of spec files: xor (the XOR study).")
    String preset;

    @Option(names = "--seeds", defaultValue = "10", description = "Seeds per configuration, 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", description = "Runs in parallel (default: available processors).")
    Integer threads;

    @Option(names = "--target", paramLabel = "METRIC<=VALUE",
            description = "When a run counts as having reached the goal, e.g. loss<=0.05 or val_accuracy>=0.95.")
    String target;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "compare-out",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--json", description = "Print the table as JSON.")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (seeds <= 0) {
            return CommandErrors.fail(command, "--seeds must be > 0, got " + seeds);
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers <= 0) {
            return CommandErrors.fail(command, "--threads must be > 0, got " + workers);
        }
        if ((preset == null) == specs.isEmpty()) {
            return CommandErrors.fail(command, "give spec files or --preset xor (not both)");
        }
        String note = KernelThreads.forParallelRuns(workers);   // before any model exists, so before the pool
        if (note != null) {
            System.err.println(note);
        }
        try {
            Plan plan = preset != null ? presetPlan() : specPlan();
            if (!json) {
                out.printf(Locale.ROOT, "%d configurations x %d seeds on %d threads%n%n", plan.configs().size(), seeds,
                        workers);
            }
            List<CompareRow> rows = run(plan.configs(), workers);
            CompareTable table = new CompareTable(rows, plan.metric(), plan.success(), plan.target(), seeds, workers);
            List<Path> files = CompareReport.write(output, table, "jnn compare " + String.join(" ",
                    command.commandLine().getParseResult().originalArgs()));
            if (json) {
                out.println(table.json(preset));
                return 0;
            }
            if (plan.success() != null) {
                out.println("success: " + plan.success());
            }
            if (plan.target() != null) {
                out.println("target: " + plan.target());
            }
            out.println();
            out.print(table.text());
            out.println("\nwrote " + output + ": " + String.join(", ", files.stream()
                    .map(f -> f.getFileName().toString()).toList()));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            return CommandErrors.fail(command, e.getMessage());
        }
    }

    /** What to compare and how to judge it: success and target are null when there are none. */
    private record Plan(List<Configuration> configs, String success, String target, String metric) {
    }

    private Plan presetPlan() {
        if (!preset.equals("xor")) {
            throw new IllegalArgumentException("unknown preset '" + preset + "'; valid: [xor]");
        }
        if (target != null) {
            throw new IllegalArgumentException("--preset xor uses the study's target (" + XorPreset.TARGET
                    + "); --target is for spec files");
        }
        return new Plan(XorPreset.configurations(), XorPreset.SUCCESS, XorPreset.TARGET, "loss");
    }

    /** The spec files, each read, checked (model and compile) and its data loaded before any run starts. */
    private Plan specPlan() throws IOException {
        Target goal = target == null ? null : Target.parse(target);
        List<Configuration> configs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : specs) {
            try {
                TrainSpec spec = TrainSpec.read(file);
                spec.fit().callbacks().requireNoFiles("compare");
                TrainRun.compiledModel(spec);
                if (!names.add(spec.name())) {
                    spec = new TrainSpec(spec.name() + " (" + file + ")", spec.baseDir(), spec.seed(), spec.model(),
                            spec.data(), spec.compile(), spec.fit());
                }
                configs.add(new SpecConfiguration(spec, DataLoader.load(spec.data()), goal));
            } catch (IllegalArgumentException | IOException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return new Plan(configs, goal == null ? null : "reached the target within the spec's epochs",
                goal == null ? null : goal.toString(), goal == null ? "loss" : goal.metric());
    }

    /** Every run of every configuration on one pool, then one row per configuration from its runs in seed order. */
    private List<CompareRow> run(List<Configuration> configs, int workers) {
        List<Callable<RunOutcome>> tasks = new ArrayList<>();
        for (Configuration c : configs) {
            for (int s = 0; s < seeds; s++) {
                long seed = s;
                tasks.add(() -> c.run(seed));
            }
        }
        List<RunOutcome> outcomes = ParallelRuns.run(tasks, workers, ParallelRuns.deadline(null));
        List<CompareRow> rows = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            rows.add(CompareRow.of(configs.get(i), outcomes.subList(i * seeds, (i + 1) * seeds)));
        }
        return rows;
    }
}
