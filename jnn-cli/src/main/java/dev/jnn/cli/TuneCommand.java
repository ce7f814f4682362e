package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.cli.compare.KernelThreads;
import dev.jnn.cli.compare.ParallelRuns;
import dev.jnn.cli.spec.DataLoader;
import dev.jnn.cli.spec.LoadedData;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.cli.train.TrainRun;
import dev.jnn.cli.tune.Budget;
import dev.jnn.cli.tune.GridSearch;
import dev.jnn.cli.tune.RandomSearch;
import dev.jnn.cli.tune.SearchSpace;
import dev.jnn.cli.tune.Strategy;
import dev.jnn.cli.tune.SuccessiveHalving;
import dev.jnn.cli.tune.Trial;
import dev.jnn.cli.tune.TrialRunner;
import dev.jnn.cli.tune.TuneReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jnn tune SPACE}: searches a space of hyperparameters by random search, grid search or
 * successive halving, under a budget of trials or seconds; prints the best trials and writes a report.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search hyperparameters (units, depth, activation, dropout, loss, optimizer, learning rate, "
                + "batch size) of a base spec; writes report.md, trials.csv and a score-by-trial plot.")
final class TuneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPACE", description = "The search space file (JSON or YAML).")
    Path spaceFile;

    @Option(names = "--strategy", defaultValue = "random",
            description = "random, grid or halving (successive halving on epochs) (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--trials", description = "Trials to run (default: random 10, grid all combinations, halving eta^2).")
    Integer trials;

    @Option(names = "--budget-seconds", description = "Start no trial (or rung) after this many seconds.")
    Double budgetSeconds;

    @Option(names = "--eta", defaultValue = "3", description = "Successive halving keeps the best 1/eta per rung (default: ${DEFAULT-VALUE}).")
    int eta;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the search: trial t's values and weights come from (seed, t) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Trials in parallel (default: available processors).")
    Integer threads;

    @Option(names = "--output", paramLabel = "DIR", description = "Report folder (default: <space name>-tune beside the space file).")
    Path output;

    @Option(names = "--json", description = "Print the best trials as JSON.")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers <= 0 || (trials != null && trials <= 0) || (budgetSeconds != null && !(budgetSeconds > 0))) {
            return CommandErrors.fail(command, "--threads, --trials and --budget-seconds must be > 0");
        }
        String note = KernelThreads.forParallelRuns(workers);   // before any model exists, so before the pool
        if (note != null) {
            System.err.println(note);
        }
        try {
            Strategy search = switch (strategy) {
                case "random" -> new RandomSearch(seed);
                case "grid" -> new GridSearch();
                case "halving" -> new SuccessiveHalving(seed, eta);
                default -> throw new IllegalArgumentException("unknown --strategy '" + strategy
                        + "'; valid: random, grid, halving");
            };
            SearchSpace space = SearchSpace.read(spaceFile);
            // The first trial checks the base spec and loads the data every trial shares.
            TrainSpec first = space.trialSpec(search.firstTrial(space), Trial.seed(seed, 0), null, space.name());
            TrainRun.compiledModel(first);
            LoadedData data = DataLoader.load(first.data());
            if (!json) {
                out.printf(Locale.ROOT, "%s search over %s, %s, on %d threads%n%n", search.name(),
                        String.join(", ", space.params().keySet()), space.objective(), workers);
            }
            Budget budget = new Budget(trials, budgetSeconds, workers);
            List<Trial> done = search.run(new TrialRunner(space, data, seed), budget,
                    ParallelRuns.deadline(budgetSeconds));
            TuneReport report = new TuneReport(search.name(), space.objective(), seed, done,
                    List.copyOf(space.params().keySet()));
            Path dir = output != null ? output
                    : spaceFile.toAbsolutePath().getParent().resolve(space.name() + "-tune");
            List<Path> files = new ArrayList<>(report.write(dir, "jnn tune " + String.join(" ",
                    command.commandLine().getParseResult().originalArgs())));
            if (!report.ranked().isEmpty()) {
                // The best trial as a spec: `jnn train DIR/best.json` trains it again.
                Path best = dir.resolve("best.json");
                AtomicFile.write(best, new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(space.savedTrialDocument(report.ranked().get(0), dir)));
                files.add(best);
            }
            if (json) {
                out.println(report.json());
            } else {
                out.print(report.text());
                out.println("\n" + done.size() + " trials; wrote " + dir + ": " + String.join(", ", files.stream()
                        .map(f -> f.getFileName().toString()).toList()));
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException | java.io.UncheckedIOException e) {
            return CommandErrors.fail(command, spaceFile + ": " + e.getMessage());
        }
    }
}
