package dev.jnn.cli.train;

import dev.jnn.cli.plot.Plots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One PNG per quantity of a history (the loss and each metric), training and validation as two
 * curves over the epochs (numbered from 1, as Keras's progress lines count them).
 *
 * <pre>{@code
 * List<Path> pngs = HistoryPlots.write(dir, result.history());   // loss.png, accuracy.png, ...
 * }</pre>
 */
public final class HistoryPlots {
    private HistoryPlots() {
    }

    /** Writes {@code <quantity>.png} for each key without a {@code val_} prefix; returns the files. */
    public static List<Path> write(Path dir, Map<String, List<Double>> history) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> keys = history.keySet().stream().filter(k -> !k.startsWith("val_")).sorted().toList();
        for (String key : keys) {
            List<Plots.Line> lines = new ArrayList<>();
            lines.add(line("train", history.get(key)));
            List<Double> validation = history.get("val_" + key);
            if (validation != null) {
                lines.add(line("validation", validation));
            }
            Path file = dir.resolve(fileName(key) + ".png");
            Plots.lines(file, key, "epoch", key, lines, false);
            files.add(file);
        }
        return files;
    }

    /** A log key as a file name: letters, digits, '_', '-' and '.' kept, anything else '_'. */
    static String fileName(String key) {
        return key.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Plots.Line line(String name, List<Double> values) {
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
            y[i] = values.get(i);
        }
        return new Plots.Line(name, x, y);
    }
}
