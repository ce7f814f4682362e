package dev.jnn.cli;

import dev.jnn.cli.spec.DataLoader;
import dev.jnn.cli.spec.LoadedData;
import dev.jnn.cli.spec.TrainSpec;
import dev.jnn.cli.train.TrainOutputs;
import dev.jnn.cli.train.TrainResult;
import dev.jnn.cli.train.TrainRun;
import dev.jnn.models.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jnn train SPEC}: trains the model a spec file describes, with Keras-style progress, and
 * writes the model, the history, plots and a summary into an output folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train from a spec file (JSON or YAML: model, data, compile, fit); writes model.keras, "
                + "history.csv, a PNG per quantity and summary.json.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (.json, .yaml or .yml).")
    Path specFile;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Output folder (default: <spec name>-out beside the spec).")
    Path output;

    @Option(names = "--seed", description = "Seed of weights, shuffling and dropout (default: the spec's, else 0).")
    Long seed;

    @Option(names = "--verbose", description = "0 silent, 1 progress bar, 2 one line per epoch (default: the spec's fit.verbose).")
    Integer verbose;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            TrainSpec spec = TrainSpec.read(specFile);
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            int level = verbose != null ? verbose : spec.fit().verbose();
            if (level < 0 || level > 2) {
                return CommandErrors.fail(command, "--verbose must be 0, 1 or 2, got " + level);
            }
            Model model = TrainRun.compiledModel(spec);   // model errors before the data is read
            LoadedData data = DataLoader.load(spec.data());
            Path dir = output != null ? output
                    : specFile.toAbsolutePath().getParent().resolve(TrainSpec.baseName(specFile) + "-out");
            if (level > 0) {
                out.printf(Locale.ROOT, "%s: training on %,d samples%s%s, %d epochs, seed %d%n", spec.name(),
                        data.train().size(), data.validation() == null ? ""
                                : String.format(Locale.ROOT, ", validating on %,d", data.validation().size()),
                        data.test() == null ? "" : String.format(Locale.ROOT, ", testing on %,d", data.test().size()),
                        spec.fit().epochs(), spec.seed());
            }
            TrainResult result = TrainRun.run(spec, model, data, level, List.of());
            List<Path> files = TrainOutputs.write(dir, spec.name(), spec.seed(), result);
            out.printf(Locale.ROOT, "%ntrained %d epochs in %.1f s; last epoch: %s%n", result.epochs().size(),
                    result.seconds(), format(result.last()));
            if (!result.test().isEmpty()) {
                out.println("test: " + format(result.test()));
            }
            out.println("wrote " + dir + ": " + String.join(", ", files.stream()
                    .map(f -> f.getFileName().toString()).toList()));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            return CommandErrors.fail(command, specFile + ": " + e.getMessage());
        }
    }

    private static String format(Map<String, Double> logs) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(logs).forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return s.toString();
    }
}
