package dev.jnn.cli.compare;

import dev.jnn.cli.plot.Plots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report folder of {@code jnn compare}: {@code report.md} (the table, the configurations, the
 * plots), {@code loss.png} (each configuration's mean training loss per epoch, with a band from the
 * lowest to the highest loss over the seeds) and {@code epochs_to_target.png} (a box per
 * configuration of the epochs its runs needed to reach the target).
 */
public final class CompareReport {
    /** The loss plot's file name. */
    public static final String LOSS_PNG = "loss.png";
    /** The epochs-to-target plot's file name. */
    public static final String TARGET_PNG = "epochs_to_target.png";

    private CompareReport() {
    }

    /** Writes the report into {@code dir}; {@code command} is the command line that produced it. */
    public static List<Path> write(Path dir, CompareTable table, String command) throws IOException {
        Files.createDirectories(dir);
        List<Plots.Band> bands = new ArrayList<>();
        Map<String, double[]> epochs = new LinkedHashMap<>();
        for (CompareRow r : table.rows()) {
            double[] x = new double[r.curve().length];
            for (int e = 0; e < x.length; e++) {
                x[e] = e + 1;
            }
            bands.add(new Plots.Band(r.name(), x, r.curve(), r.curveMin(), r.curveMax()));
            epochs.put(r.name(), r.epochs());
        }
        Path loss = dir.resolve(LOSS_PNG);
        int shortest = bands.stream().mapToInt(b -> b.x().length).filter(n -> n > 0).min().orElse(1);
        int longest = bands.stream().mapToInt(b -> b.x().length).max().orElse(1);
        // Runs of 1,000 and 10,000 epochs side by side: on a linear axis the short ones would be a sliver.
        boolean logX = longest >= 5 * shortest;
        Plots.bands(loss, "training loss: mean over " + table.seeds() + " seeds, band min–max",
                logX ? "epoch (log scale)" : "epoch", "loss", bands, logX, true);
        List<Path> files = new ArrayList<>(List.of(loss));
        Path target = null;
        if (table.target() != null) {
            target = dir.resolve(TARGET_PNG);
            Plots.boxes(target, "epochs to target, over the runs that reached it", "epochs", epochs);
            files.add(target);
        }
        Path md = dir.resolve("report.md");
        Files.writeString(md, markdown(table, command, target != null), StandardCharsets.UTF_8);
        files.add(0, md);
        return files;
    }

    static String markdown(CompareTable table, String command, boolean targetPlot) {
        StringBuilder s = new StringBuilder("# jnn compare\n\n");
        s.append(String.format(Locale.ROOT, "%d configurations × %d seeds (seeds 0..%d), %d runs in parallel.%n%n",
                table.rows().size(), table.seeds(), table.seeds() - 1, table.threads()));
        if (table.success() != null) {
            s.append("Success: ").append(table.success()).append(".\n");
        }
        if (table.target() != null) {
            s.append("Target: ").append(table.target()).append("; epochs to target over the runs that reached it,"
                    + " \"never\" counts the others.\n");
        }
        s.append("\n").append(table.markdown()).append("\n## Configurations\n\n");
        for (CompareRow r : table.rows()) {
            s.append("- **").append(r.name()).append("**: ").append(r.description()).append('\n');
        }
        s.append("\n## Training loss\n\nThe mean over the seeds at each epoch; the band spans the lowest and highest"
                + " loss.\n\n![training loss](").append(LOSS_PNG).append(")\n");
        if (targetPlot) {
            s.append("\n## Epochs to target\n\nOne box per configuration (median, quartiles, extremes) over the runs"
                    + " that reached the target; a configuration none of whose runs did is left out.\n\n"
                    + "![epochs to target](").append(TARGET_PNG).append(")\n");
        }
        s.append("\nProduced by `").append(command).append("`.\n");
        return s.toString();
    }
}
