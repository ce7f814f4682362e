package dev.jnn.models;

import dev.jnn.layers.Layer;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Locale;

/**
 * Renders Keras's {@code model.summary()} table: {@code line_length = min(88, terminal columns - 4)}
 * (columns from the COLUMNS variable, else 80, as Python's {@code shutil.get_terminal_size}), split at
 * 45% and 80%, then narrowed for the borders the way the rich library does (its {@code ratio_reduce}).
 */
final class ModelSummary {
    private static final double[] POSITIONS = {0.45, 0.80, 1.0};
    private static final int BYTES_PER_WEIGHT = 4;

    private ModelSummary() {
    }

    /** Keras's default line length for the current terminal. */
    static int defaultLineLength() {
        int columns = 80;
        String env = System.getenv("COLUMNS");
        if (env != null) {
            try {
                columns = Integer.parseInt(env.trim());
            } catch (NumberFormatException ignored) {
                // Python ignores a malformed COLUMNS too
            }
        }
        return Math.min(88, columns - 4);
    }

    /** Rendered widths of the three columns (each including its one-space padding on both sides). */
    static int[] columnWidths(int lineLength) {
        int[] widths = new int[POSITIONS.length];
        int current = 0;
        for (int i = 0; i < POSITIONS.length; i++) {
            int end = (int) (POSITIONS[i] * lineLength);
            widths[i] = end - current;
            current = end;
        }
        // The table may be lineLength wide including its 4 vertical borders: spread the excess evenly,
        // rounding half to even as Python's round() does.
        double remaining = POSITIONS.length + 1;
        double totalRatio = widths.length;
        for (int i = 0; i < widths.length; i++) {
            int distributed = (int) Math.rint(remaining / totalRatio);
            widths[i] -= distributed;
            remaining -= distributed;
            totalRatio -= 1;
        }
        return widths;
    }

    static String render(Model model, int lineLength) {
        if (lineLength < 20) {
            throw new IllegalArgumentException("summary: line_length must be >= 20, got " + lineLength);
        }
        int[] widths = columnWidths(lineLength);
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append(rule(widths, '┏', '━', '┳', '┓'));
        sb.append(row(widths, '┃', new String[] {"Layer (type)", "Output Shape", "Param #"}));
        sb.append(rule(widths, '┡', '━', '╇', '┩'));
        Shape shape = model.inputShape();
        var layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String output;
            String params;
            if (shape != null) {
                shape = layer.outputShape(shape);
                output = shape.toKerasString();
            } else {
                output = "?";
            }
            params = layer.built() ? String.format(Locale.ROOT, "%,d", layer.countParams()) : "0 (unbuilt)";
            if (i > 0) {
                sb.append(rule(widths, '├', '─', '┼', '┤'));
            }
            sb.append(row(widths, '│', new String[] {layer.name() + " (" + layer.className() + ")", output, params}));
        }
        sb.append(rule(widths, '└', '─', '┴', '┘'));
        long trainable = 0;
        long frozen = 0;
        for (var p : model.parameters()) {
            if (p.trainable()) {
                trainable += p.size();
            } else {
                frozen += p.size();
            }
        }
        long optimizerCount = 0;
        if (model.optimizer() != null && model.optimizer().built()) {
            for (Tensor v : model.optimizer().variables()) {
                optimizerCount += v.size();
            }
        }
        long total = trainable + frozen + optimizerCount;
        sb.append(count(" Total params: ", total));
        sb.append(count(" Trainable params: ", trainable));
        sb.append(count(" Non-trainable params: ", frozen));
        if (optimizerCount > 0) {
            sb.append(count(" Optimizer params: ", optimizerCount));
        }
        return sb.toString();
    }

    private static String count(String label, long n) {
        return label + String.format(Locale.ROOT, "%,d", n) + " (" + readableSize(n * BYTES_PER_WEIGHT) + ")\n";
    }

    /** Keras's {@code readable_memory_size}: B, KB, MB... with two decimals, base 1024. */
    static String readableSize(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double size = bytes;
        for (String unit : units) {
            if (size / 1024 < 1) {
                return String.format(Locale.ROOT, "%.2f %s", size, unit);
            }
            size /= 1024;
        }
        return String.format(Locale.ROOT, "%.2f %s", size, units[units.length - 1]);
    }

    private static String rule(int[] widths, char left, char fill, char middle, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int c = 0; c < widths.length; c++) {
            sb.append(String.valueOf(fill).repeat(widths[c]));
            sb.append(c == widths.length - 1 ? right : middle);
        }
        return sb.append('\n').toString();
    }

    private static String row(int[] widths, char border, String[] cells) {
        StringBuilder sb = new StringBuilder().append(border);
        for (int c = 0; c < cells.length; c++) {
            int inner = widths[c] - 2;
            String text = cells[c].length() > inner ? cells[c].substring(0, inner - 1) + "…" : cells[c];
            String padded = c == cells.length - 1
                    ? " ".repeat(inner - text.length()) + text
                    : text + " ".repeat(inner - text.length());
            sb.append(' ').append(padded).append(' ').append(border);
        }
        return sb.append('\n').toString();
    }
}
