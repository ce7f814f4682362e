package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Dataset;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jnn example NAME}: trains one of the examples on real data (from {@code $JNN_DATA}, default
 * {@code ../shared/datasets}) with Keras-style progress, then reports test loss and accuracy.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Train an example: iris, digits, mnist-mlp, mnist-cnn, fashion-mnist-cnn (real data), "
                + "digit-pattern (generated sequences).")
final class ExampleCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "The example to run (see --list).")
    String name;

    @Option(names = "--list", description = "List the examples.")
    boolean list;

    @Option(names = "--json", description = "Print {example, test_accuracy, test_loss, epochs, seconds} only.")
    boolean json;

    @Option(names = "--epochs", description = "Override the example's number of epochs.")
    Integer epochs;

    @Option(names = "--limit", description = "Use only the first N training and test samples (a quick smoke run).")
    Integer limit;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the shuffle, split and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (list || name == null) {
            for (Example e : Examples.all()) {
                out.printf(Locale.ROOT, "%-18s %s (expects >= %.0f%% test accuracy, %d epochs)%n", e.name(),
                        e.description(), 100 * e.expectedAccuracy(), e.epochs());
            }
            return 0;
        }
        Example example = find(name);
        if (epochs != null && epochs <= 0) {
            throw new ParameterException(spec.commandLine(), "--epochs must be > 0, got " + epochs);
        }
        if (limit != null && limit <= 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be > 0, got " + limit);
        }
        Example.Data data = example.load(seed);
        Dataset train = limit == null ? data.train() : data.train().take(Math.min(limit, data.train().size()));
        Dataset test = limit == null ? data.test() : data.test().take(Math.min(limit, data.test().size()));
        int runEpochs = epochs != null ? epochs : example.epochs();
        if (!json) {
            out.printf(Locale.ROOT, "%s: %s%ntraining on %,d samples, testing on %,d held-out samples, %d epochs%n",
                    example.name(), example.description(), train.size(), test.size(), runEpochs);
        }
        Sequential model = example.model(seed);
        long start = System.nanoTime();
        model.fit(train.x(), train.y(), FitOptions.builder().epochs(runEpochs).batchSize(example.batchSize())
                .verbose(json ? 0 : 1).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> result = model.evaluate(test.x(), test.y(), 32, json ? 0 : 1);
        double accuracy = result.get("accuracy");
        double loss = result.get("loss");
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("example", example.name());
            doc.put("test_accuracy", accuracy);
            doc.put("test_loss", loss);
            doc.put("epochs", runEpochs);
            doc.put("seconds", seconds);
            out.println(new ObjectMapper().writeValueAsString(doc));
        } else {
            out.printf(Locale.ROOT, "%ntest loss %.4f, test accuracy %.4f (%s expects >= %.2f with its defaults); "
                    + "training took %.1f s%n", loss, accuracy, example.name(), example.expectedAccuracy(), seconds);
        }
        return 0;
    }

    private Example find(String wanted) {
        List<Example> all = Examples.all();
        return all.stream().filter(e -> e.name().equals(wanted)).findFirst().orElseThrow(() ->
                new ParameterException(spec.commandLine(), "unknown example '" + wanted + "'; valid: "
                        + all.stream().map(Example::name).toList()));
    }
}
