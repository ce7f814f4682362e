package dev.jnn.models;

import dev.jnn.layers.Layer;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.layers.Node;
import dev.jnn.layers.SymbolicTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Keras's {@code model.summary()} table: {@code line_length = min(88, terminal columns - 4)}
 * (columns from the COLUMNS variable, else 80, as Python's {@code shutil.get_terminal_size}), split at
 * 45% and 80%, then narrowed for the borders the way the rich library does (its {@code ratio_reduce}).
 */
final class ModelSummary {
    private static final double[] SEQUENTIAL_POSITIONS = {0.45, 0.80, 1.0};
    private static final double[] GRAPH_POSITIONS = {0.3, 0.56, 0.74, 1.0};
    private static final int BYTES_PER_WEIGHT = 4;
    private static final int ITERATIONS_EXTRA_BYTES = 4;

    private ModelSummary() {
    }

    /** Keras's default line length for the current terminal (88 for a sequential-like table). */
    static int defaultLineLength() {
        return defaultLineLength(88);
    }

    private static int defaultLineLength(int preferred) {
        int columns = 80;
        String env = System.getenv("COLUMNS");
        if (env != null) {
            try {
                columns = Integer.parseInt(env.trim());
            } catch (NumberFormatException ignored) {
                // Python ignores a malformed COLUMNS too
            }
        }
        return Math.min(preferred, columns - 4);
    }

    /** Rendered widths of the three sequential columns (each including its one-space padding on both sides). */
    static int[] columnWidths(int lineLength) {
        return columnWidths(lineLength, SEQUENTIAL_POSITIONS);
    }

    private static int[] columnWidths(int lineLength, double[] positions) {
        int[] widths = new int[positions.length];
        int current = 0;
        for (int i = 0; i < positions.length; i++) {
            int end = (int) (positions[i] * lineLength);
            widths[i] = end - current;
            current = end;
        }
        // The table may be lineLength wide including its vertical borders: spread the excess evenly,
        // rounding half to even as Python's round() does.
        double remaining = positions.length + 1;
        double totalRatio = widths.length;
        for (int i = 0; i < widths.length; i++) {
            int distributed = (int) Math.rint(remaining / totalRatio);
            widths[i] -= distributed;
            remaining -= distributed;
            totalRatio -= 1;
        }
        return widths;
    }

    /** The summary at Keras's default width for this model's kind of table. */
    static String render(Model model) {
        return render(model, defaultLineLength(sequentialLike(model) ? 88 : 108));
    }

    static String render(Model model, int lineLength) {
        if (lineLength < 20) {
            throw new IllegalArgumentException("summary: line_length must be >= 20, got " + lineLength);
        }
        boolean sequentialLike = sequentialLike(model);
        String[] header = sequentialLike
                ? new String[] {"Layer (type)", "Output Shape", "Param #"}
                : new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
        int[] widths = columnWidths(lineLength, sequentialLike ? SEQUENTIAL_POSITIONS : GRAPH_POSITIONS);
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append(rule(widths, '┏', '━', '┳', '┓'));
        sb.append(row(widths, '┃', header));
        sb.append(rule(widths, '┡', '━', '╇', '┩'));
        List<String[]> rows = model instanceof Functional f ? graphRows(f, sequentialLike) : stackRows(model);
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(rule(widths, '├', '─', '┼', '┤'));
            }
            sb.append(row(widths, '│', rows.get(i)));
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
        // Keras on TensorFlow (its default backend) keeps the optimizer's `iterations` as int64: 4 more bytes.
        long optimizerBytes = optimizerCount == 0 ? 0 : optimizerCount * BYTES_PER_WEIGHT + ITERATIONS_EXTRA_BYTES;
        long total = trainable + frozen + optimizerCount;
        sb.append(count(" Total params: ", total, (trainable + frozen) * BYTES_PER_WEIGHT + optimizerBytes));
        sb.append(count(" Trainable params: ", trainable, trainable * BYTES_PER_WEIGHT));
        sb.append(count(" Non-trainable params: ", frozen, frozen * BYTES_PER_WEIGHT));
        if (optimizerCount > 0) {
            sb.append(count(" Optimizer params: ", optimizerCount, optimizerBytes));
        }
        return sb.toString();
    }

    /** A Sequential's rows: shapes chained from the input shape. */
    private static List<String[]> stackRows(Model model) {
        List<String[]> rows = new ArrayList<>();
        Shape shape = model.inputShape();
        for (Layer layer : model.layers()) {
            String output;
            if (shape != null) {
                shape = layer.outputShape(shape);
                output = shape.toKerasString();
            } else {
                output = "?";
            }
            rows.add(new String[] {layer.name() + " (" + layer.className() + ")", output, params(layer)});
        }
        return rows;
    }

    /** A functional model's rows, with the "Connected to" column when the graph is not a chain. */
    private static List<String[]> graphRows(Functional model, boolean sequentialLike) {
        List<String[]> rows = new ArrayList<>();
        for (Layer layer : model.layers()) {
            String name = layer.name() + " (" + layer.className() + ")";
            String output = outputShapes(layer);
            if (sequentialLike) {
                rows.add(new String[] {name, output, params(layer)});
            } else {
                rows.add(new String[] {name, output, params(layer), connections(model, layer)});
            }
        }
        return rows;
    }

    private static String params(Layer layer) {
        return layer.built() ? String.format(Locale.ROOT, "%,d", layer.countParams()) : "0 (unbuilt)";
    }

    /** The shapes of the layer's last call, as Keras's {@code format_layer_shape}. */
    private static String outputShapes(Layer layer) {
        List<Node> nodes = layer.inboundNodes();
        if (nodes.isEmpty()) {
            return "?";
        }
        List<SymbolicTensor> outs = nodes.get(nodes.size() - 1).outputs();
        if (outs.size() == 1) {
            return outs.get(0).shape().toKerasString();
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < outs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(outs.get(i).shape().toKerasString());
        }
        return sb.append(']').toString();
    }

    private static String connections(Functional model, Layer layer) {
        StringBuilder sb = new StringBuilder();
        for (Node node : layer.inboundNodes()) {
            if (!model.contains(node)) {
                continue;
            }
            for (SymbolicTensor in : node.inputs()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(in.reference());
            }
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }

    /**
     * Keras prints a plain three-column table unless the graph branches: a depth with several calls, a
     * call with several inputs, or a layer called more than once.
     */
    static boolean sequentialLike(Model model) {
        if (!(model instanceof Functional f)) {
            return true;
        }
        Map<Integer, Integer> callsAtDepth = new HashMap<>();
        Map<Node, Integer> depth = new IdentityHashMap<>();
        List<Node> nodes = f.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            int d = depth.getOrDefault(node, 0);
            if (!node.isInput() && node.inputs().size() > 1) {
                return false;
            }
            if (callsAtDepth.merge(d, 1, Integer::sum) > 1) {
                return false;
            }
            if (!node.isInput()) {
                for (SymbolicTensor in : node.inputs()) {
                    depth.merge(in.node(), d + 1, Math::max);
                }
            }
        }
        for (Layer layer : f.layers()) {
            int inGraph = 0;
            for (Node node : layer.inboundNodes()) {
                if (f.contains(node)) {
                    inGraph++;
                }
            }
            if (inGraph > 1) {
                return false;
            }
        }
        return true;
    }

    private static String count(String label, long n, long bytes) {
        return label + String.format(Locale.ROOT, "%,d", n) + " (" + readableSize(bytes) + ")\n";
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

    /** One table row; cells wrap at spaces like rich's, and a word too long for its cell ends in "…". */
    private static String row(int[] widths, char border, String[] cells) {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.length; c++) {
            List<String> wrapped = wrap(cells[c], widths[c] - 2);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < height; line++) {
            sb.append(border);
            for (int c = 0; c < cells.length; c++) {
                int inner = widths[c] - 2;
                List<String> cellLines = lines.get(c);
                String text = line < cellLines.size() ? cellLines.get(line) : "";
                String padded = c == 2
                        ? " ".repeat(inner - text.length()) + text
                        : text + " ".repeat(inner - text.length());
                sb.append(' ').append(padded).append(' ').append(border);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        lines.replaceAll(l -> l.length() > width ? l.substring(0, width - 1) + "…" : l);
        return lines;
    }
}
