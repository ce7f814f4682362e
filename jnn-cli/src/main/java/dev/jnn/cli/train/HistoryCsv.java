package dev.jnn.cli.train;

import dev.jnn.callbacks.CSVLogger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished training history written by Keras's {@code CSVLogger} itself (the epochs replayed through
 * the callback), so {@code history.csv} has exactly the bytes a Keras run with CSVLogger leaves.
 *
 * <pre>{@code
 * HistoryCsv.write(dir.resolve("history.csv"), history.epochs(), history.history());
 * }</pre>
 */
public final class HistoryCsv {
    private HistoryCsv() {
    }

    /** Writes {@code epochs} (0-based) and the values of each key, one per epoch, to {@code file}. */
    public static void write(Path file, List<Integer> epochs, Map<String, List<Double>> history) {
        CSVLogger logger = new CSVLogger(file);
        logger.onTrainBegin(Map.of());
        for (int row = 0; row < epochs.size(); row++) {
            Map<String, Double> logs = new TreeMap<>();
            for (Map.Entry<String, List<Double>> e : history.entrySet()) {
                if (row < e.getValue().size()) {
                    logs.put(e.getKey(), e.getValue().get(row));
                }
            }
            logger.onEpochEnd(epochs.get(row), logs);
        }
        logger.onTrainEnd(Map.of());
    }
}
