package dev.jnn.cli.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnn.cli.plot.Plots;
import dev.jnn.callbacks.PythonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a search: the ranking (furthest rung first, then best score, then trial number),
 * the top trials as text or JSON, and the report folder: {@code report.md}, {@code trials.csv} (one
 * row per trial) and {@code score_vs_trial.png} (each trial's score and the best so far).
 *
 * @param strategy  the strategy's name
 * @param objective what was optimized
 * @param seed      the search's seed
 * @param trials    the finished trials, in trial order
 * @param names     the hyperparameters, in the space's order
 */
public record TuneReport(String strategy, Objective objective, long seed, List<Trial> trials, List<String> names) {
    /** Trials the summary shows. */
    public static final int TOP = 5;
    /** The score plot's file name. */
    public static final String SCORE_PNG = "score_vs_trial.png";

    public TuneReport {
        trials = List.copyOf(trials);
        names = List.copyOf(names);
    }

    /** The trials, best first. */
    public List<Trial> ranked() {
        return trials.stream().sorted(Comparator.comparingInt(Trial::rung).reversed()
                .thenComparing((a, b) -> objective.compare(a.score(), b.score()))
                .thenComparingInt(Trial::index)).toList();
    }

    /** The best {@link #TOP} trials as a text table. */
    public String text() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-5s %-6s %-12s %-7s %-8s %s%n", "rank",
                "trial", objective.metric(), "epochs", "seconds", "hyperparameters"));
        List<Trial> best = ranked();
        for (int i = 0; i < Math.min(TOP, best.size()); i++) {
            Trial t = best.get(i);
            s.append(String.format(Locale.ROOT, "%-5d %-6d %-12.5g %-7d %-8.2f %s%n", i + 1, t.index(), t.score(),
                    t.epochs(), t.seconds(), params(t)));
        }
        return s.toString();
    }

    /** {@code {strategy, objective, seed, trials, best: [...]}} with the top trials. */
    public String json() throws JsonProcessingException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("strategy", strategy);
        doc.put("objective", Map.of("metric", objective.metric(), "direction", objective.maximize() ? "max" : "min"));
        doc.put("seed", seed);
        doc.put("trials", trials.size());
        List<Map<String, Object>> best = new ArrayList<>();
        List<Trial> ranked = ranked();
        for (int i = 0; i < Math.min(TOP, ranked.size()); i++) {
            Trial t = ranked.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trial", t.index());
            m.put("seed", t.seed());
            m.put("params", t.params());
            m.put("score", Double.isNaN(t.score()) ? null : t.score());
            m.put("epochs", t.epochs());
            m.put("rung", t.rung());
            m.put("seconds", t.seconds());
            best.add(m);
        }
        doc.put("best", best);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }

    /** {@code trial,seed,<hyperparameters>,rung,epochs,score,seconds}, one row per trial in trial order. */
    public String csv() {
        StringBuilder s = new StringBuilder("trial,seed");
        names.forEach(n -> s.append(',').append(n));
        s.append(",rung,epochs,").append(objective.metric()).append(",seconds\n");
        for (Trial t : trials) {
            s.append(t.index()).append(',').append(t.seed());
            for (String n : names) {
                Object v = t.params().get(n);
                s.append(',').append(v instanceof Double d ? PythonFormat.repr(d) : String.valueOf(v));
            }
            s.append(',').append(t.rung()).append(',').append(t.epochs()).append(',')
                    .append(PythonFormat.repr(t.score())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", t.seconds())).append('\n');
        }
        return s.toString();
    }

    /** Writes report.md, trials.csv and the score plot into {@code dir}; returns the files. */
    public List<Path> write(Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve("trials.csv");
        Files.writeString(csv, csv(), StandardCharsets.UTF_8);
        Path png = dir.resolve(SCORE_PNG);
        writePlot(png);
        Path md = dir.resolve("report.md");
        Files.writeString(md, markdown(command), StandardCharsets.UTF_8);
        return List.of(md, csv, png);
    }

    private void writePlot(Path png) throws IOException {
        List<Trial> scored = trials.stream().filter(t -> !Double.isNaN(t.score())).toList();
        double[] x = new double[scored.size()];
        double[] y = new double[scored.size()];
        double[] best = new double[scored.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = scored.get(i).index();
            y[i] = scored.get(i).score();
            best[i] = i == 0 || objective.better(y[i], best[i - 1]) ? y[i] : best[i - 1];
        }
        Plots.scores(png, objective + " (" + strategy + " search)", objective.metric(), x, y, best);
    }

    private String markdown(String command) {
        StringBuilder s = new StringBuilder("# jnn tune\n\n");
        s.append(String.format(Locale.ROOT, "%s search, %d trials, seed %d; %s (a trial's score is its best epoch).%n",
                strategy, trials.size(), seed, objective));
        if (strategy.equals("halving")) {
            s.append("\nTrials are ranked by the last rung they reached, then by score.\n");
        }
        s.append("\n## Best trials\n\n| rank | trial | ").append(objective.metric())
                .append(" | epochs | seconds | hyperparameters |\n|---|---|---|---|---|---|\n");
        List<Trial> ranked = ranked();
        for (int i = 0; i < Math.min(TOP, ranked.size()); i++) {
            Trial t = ranked.get(i);
            s.append(String.format(Locale.ROOT, "| %d | %d | %.5g | %d | %.2f | %s |%n", i + 1, t.index(), t.score(),
                    t.epochs(), t.seconds(), params(t)));
        }
        s.append("\n## Score by trial\n\nEach trial's score, and the best score so far.\n\n![score by trial](")
                .append(SCORE_PNG).append(")\n\nEvery trial is in `trials.csv`. Produced by `").append(command)
                .append("`.\n");
        return s.toString();
    }

    private static String params(Trial t) {
        StringBuilder s = new StringBuilder();
        t.params().forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append('=')
                .append(v instanceof Double d ? shortNumber(d) : v));
        return s.toString();
    }

    /** Four significant digits without trailing zeros: 0.2, 0, 0.01604, 1.2e-05. */
    static String shortNumber(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return PythonFormat.repr(Double.parseDouble(s));
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
