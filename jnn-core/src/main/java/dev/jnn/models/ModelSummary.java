package dev.jnn.models;

import dev.jnn.layers.Layer;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Locale;

/**
 * Renders Keras's {@code model.summary()} table as Keras prints it when stdout is not a terminal
 * (rich's layout for a 76-column table: columns of 33, 24 and 15 characters).
 */
final class ModelSummary {
    private static final int[] WIDTHS = {33, 24, 15};
    private static final int BYTES_PER_WEIGHT = 4;

    private ModelSummary() {
    }

    static String render(Model model) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append(rule('┏', '━', '┳', '┓'));
        sb.append(row('┃', new String[] {"Layer (type)", "Output Shape", "Param #"}));
        sb.append(rule('┡', '━', '╇', '┩'));
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
                sb.append(rule('├', '─', '┼', '┤'));
            }
            sb.append(row('│', new String[] {layer.name() + " (" + layer.className() + ")", output, params}));
        }
        sb.append(rule('└', '─', '┴', '┘'));
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

    private static String rule(char left, char fill, char middle, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int c = 0; c < WIDTHS.length; c++) {
            sb.append(String.valueOf(fill).repeat(WIDTHS[c]));
            sb.append(c == WIDTHS.length - 1 ? right : middle);
        }
        return sb.append('\n').toString();
    }

    private static String row(char border, String[] cells) {
        StringBuilder sb = new StringBuilder().append(border);
        for (int c = 0; c < cells.length; c++) {
            int inner = WIDTHS[c] - 2;
            String text = cells[c].length() > inner ? cells[c].substring(0, inner - 1) + "…" : cells[c];
            String padded = c == cells.length - 1
                    ? " ".repeat(inner - text.length()) + text
                    : text + " ".repeat(inner - text.length());
            sb.append(' ').append(padded).append(' ').append(border);
        }
        return sb.append('\n').toString();
    }
}
