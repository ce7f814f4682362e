package dev.jnn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Formats the rows of {@code jnn bench} as a table or as JSON:
 * <pre>
 * {"workloads": [{"name": "xor", "unit": "ms", "jnn": 120.5, "peers": {"torch": 258.0}}, ...]}
 * </pre>
 * {@code peers} is empty when PyTorch did not run; workloads jnn cannot run yet are left out of
 * the JSON and shown as "not available yet" in the table.
 *
 * <pre>{@code
 * out.println(BenchReport.json(rows));
 * out.print(BenchReport.table(rows, true));
 * }</pre>
 */
final class BenchReport {
    private BenchReport() {
    }

    /** The JSON document described above. */
    static String json(List<BenchRow> rows) {
        List<Map<String, Object>> workloads = new ArrayList<>();
        for (BenchRow row : rows) {
            if (row.jnn().isEmpty()) {
                continue;
            }
            Map<String, Object> peers = new LinkedHashMap<>();
            row.torch().ifPresent(v -> peers.put("torch", v));
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", row.workload().name());
            w.put("unit", row.workload().unit().symbol());
            w.put("jnn", row.jnn().getAsDouble());
            w.put("peers", peers);
            workloads.add(w);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("workloads", workloads));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write benchmark JSON", e);
        }
    }

    /** One line per workload: jnn's figure, and with {@code peers} PyTorch's and the ratio. */
    static String table(List<BenchRow> rows, boolean peers) {
        var text = new StringBuilder();
        String header = peers
                ? String.format(Locale.ROOT, "%-11s %-10s %12s %12s %8s", "workload", "unit", "jnn", "torch", "ratio")
                : String.format(Locale.ROOT, "%-11s %-10s %12s", "workload", "unit", "jnn");
        text.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (BenchRow row : rows) {
            Workload w = row.workload();
            text.append(String.format(Locale.ROOT, "%-11s %-10s ", w.name(), w.unit().symbol()));
            if (w.missing().isPresent()) {
                text.append(w.missing().get());
            } else {
                text.append(String.format(Locale.ROOT, "%12s", number(row.jnn(), w.unit())));
                if (peers) {
                    OptionalDouble ratio = row.speedup();
                    text.append(String.format(Locale.ROOT, " %12s %8s", number(row.torch(), w.unit()),
                            ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "-"));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Milliseconds with one decimal, throughputs as whole numbers with thousands separators. */
    private static String number(OptionalDouble value, BenchUnit unit) {
        if (value.isEmpty()) {
            return "-";
        }
        return unit == BenchUnit.MILLISECONDS ? String.format(Locale.ROOT, "%.1f", value.getAsDouble())
                : String.format(Locale.ROOT, "%,.0f", value.getAsDouble());
    }
}
