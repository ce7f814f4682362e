package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jnn xor}: the study this project started from. Runs the study's program once, then the
 * before/after comparison and one-factor-at-a-time rows over many seeds.
 */
@Command(name = "xor", mixinStandardHelpOptions = true,
        description = "Train XOR the way the study did: the program once, then each configuration over N seeds.")
final class XorCommand implements Callable<Integer> {
    @Option(names = "--seeds", defaultValue = "100", description = "Seeds per configuration (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--json", description = "Print the study as one JSON document instead of tables.")
    boolean json;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--only", split = ",", description = "Run only these configurations (e.g. before,after).")
    List<String> only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seeds <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seeds must be > 0, got " + seeds);
        }
        PrintStream out = spec.commandLine().getOut() == null ? System.out
                : new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        List<XorConfig> configs = selected();
        if (!json) {
            runProgram(out);
            out.printf(Locale.ROOT, "%nThe study: %d configurations x %d seeds (solved = accuracy 1 and loss < %.2f, "
                    + "checked each epoch, up to %,d epochs)%n%n", configs.size(), seeds, XorStudy.SOLVED_LOSS,
                    XorStudy.EPOCH_CAP);
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<XorResult> results = new XorStudy(workers).run(configs, seeds);
        if (json) {
            out.println(toJson(results));
        } else {
            printTable(out, results);
        }
        return 0;
    }

    private List<XorConfig> selected() {
        List<XorConfig> all = XorConfig.study();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<XorConfig> chosen = new ArrayList<>();
        for (String name : only) {
            XorConfig match = all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown configuration '" + name
                            + "'; valid: " + all.stream().map(XorConfig::name).toList()));
            chosen.add(match);
        }
        return chosen;
    }

    /** The study's program, written as a Java user would, then its inputs and predictions. */
    private static void runProgram(PrintStream out) {
        out.println("The study's program: Dense(8, input 2) + relu -> Dense(1) + sigmoid; "
                + "compile(loss=\"mse\", optimizer=\"adam\", metrics=[\"accuracy\"]); fit(x, y, epochs=1000)");
        Sequential model = XorStudy.model(XorConfig.AFTER, 0);
        long start = System.nanoTime();
        var history = model.fit(Tensor.of(XorStudy.X), Tensor.of(XorStudy.Y), FitOptions.builder().epochs(1000).verbose(0).build());
        double ms = (System.nanoTime() - start) / 1e6;
        float[][] predictions = model.predict(Tensor.of(XorStudy.X), 32).toArray2d();
        out.println();
        out.println("input     target  prediction");
        for (int i = 0; i < 4; i++) {
            out.printf(Locale.ROOT, "[%.0f, %.0f]    %.0f       %.4f%n", XorStudy.X[i][0], XorStudy.X[i][1],
                    XorStudy.Y[i][0], predictions[i][0]);
        }
        List<Double> loss = history.history().get("loss");
        List<Double> acc = history.history().get("accuracy");
        out.printf(Locale.ROOT, "%nfit: 1000 epochs in %.1f ms (seed 0); last epoch accuracy %.4f, loss %.4f%n", ms,
                acc.get(acc.size() - 1), loss.get(loss.size() - 1));
    }

    private static void printTable(PrintStream out, List<XorResult> results) {
        String header = String.format(Locale.ROOT, "%-32s %-9s %-8s %-20s %-7s %8s %8s %9s %9s %9s",
                "configuration", "layers", "act", "loss", "optim", "epochs", "success", "median ep", "unsolved",
                "ms/run");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (XorResult r : results) {
            XorConfig c = r.config();
            out.printf(Locale.ROOT, "%-32s %-9s %-8s %-20s %-7s %8d %7.0f%% %9s %9d %9.2f  (mean final loss %.4f)%n",
                    c.name(), "2-" + c.hidden() + "-1", c.activation(), c.loss(), c.optimizer(), c.epochs(),
                    100 * r.successRate(), Double.isNaN(r.medianEpochsToSolve()) ? "-"
                            : String.format(Locale.ROOT, "%.0f", r.medianEpochsToSolve()),
                    r.unsolved(), r.msPerRun(), r.meanFinalLoss());
        }
    }

    static String toJson(List<XorResult> results) throws Exception {
        List<Map<String, Object>> configs = new ArrayList<>();
        for (XorResult r : results) {
            XorConfig c = r.config();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("layers", c.layers());
            m.put("activation", c.activation());
            m.put("loss", c.loss());
            m.put("optimizer", c.optimizer());
            m.put("epochs", c.epochs());
            m.put("seeds", r.seeds());
            m.put("success_rate", r.successRate());
            m.put("median_epochs_to_solve", Double.isNaN(r.medianEpochsToSolve()) ? null : r.medianEpochsToSolve());
            m.put("unsolved", r.unsolved());
            m.put("mean_final_loss", r.meanFinalLoss());
            m.put("ms_per_run", r.msPerRun());
            configs.add(m);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return mapper.writeValueAsString(Map.of("configs", configs));
    }
}
