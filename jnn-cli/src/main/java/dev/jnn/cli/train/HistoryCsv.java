package dev.jnn.cli.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A training history laid out as Keras 3's {@code CSVLogger} writes it, so scripts written for
 * Keras's files read ours: a header {@code epoch,<keys sorted>} (when no key starts with
 * {@code val_}, CSVLogger adds a {@code val_} column for each key, filled with {@code NA}), then one
 * row per epoch with the 0-based epoch and each value as Python prints it, rows ending in
 * {@code \r\n} (Python's csv dialect {@code excel}).
 *
 * <pre>{@code
 * HistoryCsv.write(dir.resolve("history.csv"), history.epochs(), history.history());
 * }</pre>
 */
public final class HistoryCsv {
    private HistoryCsv() {
    }

    /** The CSV text of {@code epochs} (0-based) and the values of each key, one per epoch. */
    public static String format(List<Integer> epochs, Map<String, List<Double>> history) {
        List<String> keys = new ArrayList<>(new TreeSet<>(history.keySet()));
        if (!keys.isEmpty() && keys.stream().noneMatch(k -> k.startsWith("val_"))) {
            keys.addAll(keys.stream().map(k -> "val_" + k).toList());
        }
        StringBuilder out = new StringBuilder("epoch");
        for (String key : keys) {
            out.append(',').append(key);
        }
        out.append("\r\n");
        for (int row = 0; row < epochs.size(); row++) {
            out.append(epochs.get(row));
            for (String key : keys) {
                List<Double> values = history.get(key);
                out.append(',').append(values != null && row < values.size() ? PythonFloat.repr(values.get(row))
                        : "NA");
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Writes {@link #format} to {@code file}. */
    public static void write(Path file, List<Integer> epochs, Map<String, List<Double>> history) throws IOException {
        Files.writeString(file, format(epochs, history), StandardCharsets.UTF_8);
    }
}
