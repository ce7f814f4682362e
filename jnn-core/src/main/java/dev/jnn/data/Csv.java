package dev.jnn.data;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads numeric CSV files (plain or gzip-compressed, detected by magic bytes) into features and
 * labels.
 *
 * <p>Cells may be surrounded by spaces and by double quotes ({@code ""} inside quotes is a quote);
 * blank lines are skipped. Feature cells must be numbers ({@code 1}, {@code -2.5e3}, {@code nan},
 * {@code inf}); a non-numeric cell or a row with another number of cells than the header (or the
 * first row) fails with the line and column (both 1-based) in the message.
 *
 * <pre>{@code
 * CsvData d = Csv.read(Path.of("iris.csv"),
 *         CsvOptions.defaults().labelColumn("species").labels(CsvOptions.Labels.CLASS_NAMES));
 * Dataset ds = d.toDataset();           // x [150, 4], y [150] of indices into d.classes()
 * }</pre>
 */
public final class Csv {
    private Csv() {
    }

    /** Reads {@code file} with {@code options}; errors name the file. */
    public static CsvData read(Path file, CsvOptions options) throws IOException {
        var raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, options, file.toString());
        }
    }

    /** Parses CSV {@code text}; errors name the source as {@code <string>}. */
    public static CsvData parse(String text, CsvOptions options) {
        try {
            return read(new StringReader(text), options, "<string>");
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static CsvData read(Reader reader, CsvOptions o, String source) throws IOException {
        var lines = new BufferedReader(reader, 1 << 16);
        int lineNo = 0;
        for (int i = 0; i < o.skipLines(); i++) {
            if (lines.readLine() == null) {
                throw new IllegalArgumentException(source + ": fewer than " + o.skipLines() + " lines to skip");
            }
            lineNo++;
        }
        List<String> header = null;
        int width = -1;
        int label = -1;
        String line;
        var features = new FloatList();
        var numericLabels = new FloatList();
        var textLabels = new ArrayList<String>();
        int[] featureColumns = null;
        int rows = 0;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line, o.delimiter(), source, lineNo);
            if (header == null && o.header()) {
                header = cells;
                width = cells.size();
                label = labelColumn(o, header, width, source);
                featureColumns = featureColumns(width, label);
                continue;
            }
            if (width < 0) {
                width = cells.size();
                label = labelColumn(o, null, width, source);
                featureColumns = featureColumns(width, label);
            }
            if (cells.size() != width) {
                throw new IllegalArgumentException(source + ": line " + lineNo + " has " + cells.size()
                        + " cells, expected " + width + (header != null ? " (as the header)" : " (as the first row)"));
            }
            for (int c : featureColumns) {
                features.add(number(cells.get(c), source, lineNo, c, header));
            }
            if (label >= 0) {
                String cell = cells.get(label);
                switch (o.labels()) {
                    case NUMBERS -> numericLabels.add(number(cell, source, lineNo, label, header));
                    case CLASS_INDICES -> {
                        float v = number(cell, source, lineNo, label, header);
                        if (v != Math.rint(v) || v < 0) {
                            throw new IllegalArgumentException(source + ": line " + lineNo + ", column "
                                    + columnName(label, header) + ": class index must be a whole number >= 0, got '"
                                    + cell + "'");
                        }
                        numericLabels.add(v);
                    }
                    case CLASS_NAMES -> {
                        if (cell.isEmpty()) {
                            throw new IllegalArgumentException(source + ": line " + lineNo + ", column "
                                    + columnName(label, header) + ": empty class label");
                        }
                        textLabels.add(cell);
                    }
                }
            }
            rows++;
        }
        if (width < 0) {
            if (o.hasLabel() && header == null) {
                throw new IllegalArgumentException(source + ": no rows, so the label column cannot be found");
            }
            width = 0;
            featureColumns = new int[0];
        }
        var columns = new ArrayList<String>();
        for (int c : featureColumns) {
            columns.add(header != null ? header.get(c) : Integer.toString(c));
        }
        Tensor x = new Tensor(Shape.of(rows, featureColumns.length), features.toArray());
        Tensor y = null;
        List<String> classes = List.of();
        if (label >= 0) {
            if (o.labels() == CsvOptions.Labels.CLASS_NAMES) {
                classes = sortedClasses(textLabels);
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < classes.size(); i++) {
                    index.put(classes.get(i), i);
                }
                float[] d = new float[rows];
                for (int i = 0; i < rows; i++) {
                    d[i] = index.get(textLabels.get(i));
                }
                y = new Tensor(Shape.of(rows), d);
            } else {
                y = new Tensor(Shape.of(rows), numericLabels.toArray());
            }
        }
        return new CsvData(x, y, columns, classes);
    }

    private static List<String> sortedClasses(List<String> labels) {
        var distinct = new TreeSet<>(labels);
        boolean numeric = distinct.stream().allMatch(s -> parseNumber(s) != null);
        var list = new ArrayList<>(distinct);
        if (numeric) {
            list.sort(Comparator.comparingDouble(s -> parseNumber(s)));
        }
        return list;
    }

    private static int labelColumn(CsvOptions o, List<String> header, int width, String source) {
        if (o.labelName() != null) {
            int at = header.indexOf(o.labelName());
            if (at < 0) {
                throw new IllegalArgumentException(source + ": no column named '" + o.labelName() + "' in header "
                        + header);
            }
            return at;
        }
        if (o.labelIndex() != null) {
            int i = o.labelIndex();
            int at = i < 0 ? width + i : i;
            if (at < 0 || at >= width) {
                throw new IllegalArgumentException(source + ": label column index " + i + " is out of range for "
                        + width + " columns");
            }
            return at;
        }
        return -1;
    }

    private static int[] featureColumns(int width, int label) {
        return java.util.stream.IntStream.range(0, width).filter(c -> c != label).toArray();
    }

    private static String columnName(int c, List<String> header) {
        return (c + 1) + (header != null ? " ('" + header.get(c) + "')" : "");
    }

    private static float number(String cell, String source, int line, int column, List<String> header) {
        Float v = parseNumber(cell.strip());
        if (v == null) {
            throw new IllegalArgumentException(source + ": line " + line + ", column " + columnName(column, header)
                    + ": not a number: '" + cell + "'");
        }
        return v;
    }

    /** A decimal number, {@code nan} or {@code [+-]inf[inity]} (any case), or null. */
    static Float parseNumber(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        String rest = s.substring(i).toLowerCase();
        if (rest.equals("nan")) {
            return Float.NaN;
        }
        if (rest.equals("inf") || rest.equals("infinity")) {
            return s.charAt(0) == '-' ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return null;
            }
        }
        return i == n ? Float.parseFloat(s) : null;
    }

    /** Splits one line into trimmed cells, honouring double quotes. */
    private static List<String> split(String line, char delimiter, String source, int lineNo) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (c == delimiter) {
                cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ": line " + lineNo + ": unterminated quoted cell");
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
        return cells;
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] data = new float[1024];
        private int size;

        void add(float v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
