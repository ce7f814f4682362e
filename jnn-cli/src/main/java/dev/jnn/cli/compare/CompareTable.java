package dev.jnn.cli.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as a text table, a Markdown table and JSON: per configuration the success rate,
 * the final metric (mean ± std), epochs to target (median [min–max] and how many runs never got
 * there), and the wall time per run (mean ± std).
 *
 * @param rows    one row per configuration, in the order given
 * @param metric  the name of the compared quantity ("loss", "val_accuracy", ...)
 * @param success what success means, for the header
 * @param target  what the target is, or null when there is none
 * @param seeds   seeds per configuration
 * @param threads runs in parallel
 */
public record CompareTable(List<CompareRow> rows, String metric, String success, String target, int seeds,
                           int threads) {
    public CompareTable {
        rows = List.copyOf(rows);
    }

    /** The table for a terminal. */
    public String text() {
        List<String[]> cells = cells();
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                String cell = cells.get(r)[c];
                line.append(c == 0 ? String.format("%-" + width[c] + "s", cell)
                        : "  " + String.format("%" + width[c] + "s", cell));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(line.length())).append('\n');
            }
        }
        return out.toString();
    }

    /** The table in Markdown. */
    public String markdown() {
        List<String[]> cells = cells();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            out.append("| ").append(String.join(" | ", cells.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|---".repeat(cells.get(0).length)).append("|\n");
            }
        }
        return out.toString();
    }

    private List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"configuration", "seeds", "success", "final " + metric + " (mean ± std)",
            "epochs to target: median [min–max]", "never", "ms/run (mean ± std)"});
        for (CompareRow r : rows) {
            boolean any = r.epochs().length > 0;
            cells.add(new String[] {r.name(), Integer.toString(r.seeds()),
                target == null && success == null ? "-" : f("%.0f%%", 100 * r.successRate()),
                f("%.4f ± %.4f", r.finalMean(), r.finalStd()),
                target == null ? "-" : any ? f("%.0f [%.0f–%.0f]", r.medianEpochs(), Stats.min(r.epochs()),
                        Stats.max(r.epochs())) : "-",
                target == null ? "-" : Integer.toString(r.unreached()),
                f("%.1f ± %.1f", r.msMean(), r.msStd())});
        }
        return cells;
    }

    /** The table as JSON ({@code NaN} medians as null). */
    public String json(String preset) throws JsonProcessingException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("preset", preset);
        doc.put("seeds", seeds);
        doc.put("threads", threads);
        doc.put("metric", metric);
        doc.put("success", success);
        doc.put("target", target);
        List<Map<String, Object>> configs = new ArrayList<>();
        for (CompareRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("description", r.description());
            m.put("seeds", r.seeds());
            m.put("success_rate", target == null && success == null ? null : r.successRate());
            m.put("final_metric", ordered("name", metric, "mean", r.finalMean(), "std", r.finalStd()));
            Map<String, Object> epochs = new LinkedHashMap<>();
            epochs.put("reached", r.epochs().length);
            epochs.put("unreached", r.unreached());
            epochs.put("median", nullIfNaN(r.medianEpochs()));
            epochs.put("min", nullIfNaN(Stats.min(r.epochs())));
            epochs.put("max", nullIfNaN(Stats.max(r.epochs())));
            m.put("epochs_to_target", target == null ? null : epochs);
            m.put("ms_per_run", ordered("mean", r.msMean(), "std", r.msStd()));
            configs.add(m);
        }
        doc.put("configs", configs);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }

    /** A map of key, value, key, value... in that order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
