package dev.jnn.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what {@code jnn train} leaves behind in its output folder: {@code model.keras} (the
 * trained model with its optimizer state, loadable by Keras and jnn), {@code history.csv} (Keras's
 * CSVLogger layout), one PNG per quantity, and {@code summary.json} with the final and test metrics.
 *
 * <pre>{@code
 * List<Path> files = TrainOutputs.write(dir, spec.name(), spec.seed(), result);
 * }</pre>
 */
public final class TrainOutputs {
    private TrainOutputs() {
    }

    /** Writes every output into {@code dir} (created if needed); returns the files written. */
    public static List<Path> write(Path dir, String name, long seed, TrainResult result) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        Path model = dir.resolve("model.keras");
        result.model().save(model);
        files.add(model);
        Path csv = dir.resolve("history.csv");
        HistoryCsv.write(csv, result.epochs(), result.history());
        files.add(csv);
        files.addAll(HistoryPlots.write(dir, result.history()));
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, summaryJson(name, seed, result));
        files.add(summary);
        return files;
    }

    /** {@code {name, seed, epochs, seconds, parameters, final: {...}, test: {...}}}. */
    static String summaryJson(String name, long seed, TrainResult result) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("seed", seed);
        doc.put("epochs", result.epochs().size());
        doc.put("seconds", result.seconds());
        doc.put("parameters", result.model().countParams());
        doc.put("final", result.last());
        doc.put("test", new java.util.TreeMap<>(result.test()));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }
}
