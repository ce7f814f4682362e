package dev.jnn.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one CSV row per epoch (Keras's {@code CSVLogger}), byte for byte as Keras writes it.
 *
 * <p>The header is {@code epoch} then the log keys of the first epoch, sorted; if none of them starts
 * with {@code val_}, Keras adds a {@code val_} column for each key anyway (left {@code NA}). Later
 * rows keep those columns: a missing value is {@code NA}, a new key is ignored. The epoch is 0-based;
 * values are Python's {@code repr} of the float ({@code 0.5}, {@code 1e-05}, {@code nan}); lines end
 * in {@code \r\n} and fields holding the separator or a quote are quoted (Python's {@code csv} excel
 * dialect). Each row is flushed. With {@code append}, rows go after an existing file's content and the
 * header is only written if that file is empty.
 *
 * <pre>{@code
 * model.fit(x, y, FitOptions.builder().epochs(10).callbacks(new CSVLogger(Path.of("training.log"))).build());
 * }</pre>
 */
public final class CSVLogger implements Callback {
    /**
     * The options, with Keras's defaults in {@link CSVLogger#builder(Path)}.
     *
     * @param filename  the CSV file
     * @param separator the one character between fields
     * @param append    whether to add to an existing file instead of overwriting it
     */
    public record Config(Path filename, String separator, boolean append) {
        public Config {
            if (filename == null) {
                throw new IllegalArgumentException("filename must not be null");
            }
            if (separator == null || separator.length() != 1) {
                throw new IllegalArgumentException("separator must be a 1-character string, got "
                        + (separator == null ? null : "\"" + separator + "\""));
            }
            if ("\"\r\n".contains(separator)) {
                throw new IllegalArgumentException("separator must not be a quote or a line break, got \""
                        + separator.replace("\r", "\\r").replace("\n", "\\n") + "\"");
            }
        }
    }

    private static final String LINE_END = "\r\n";

    private final Config config;
    private Writer writer;
    private List<String> keys;
    private boolean headerDone;
    private boolean appendHeader = true;

    /** Logs to {@code filename}, comma-separated, overwriting it. */
    public CSVLogger(Path filename) {
        this(new Config(filename, ",", false));
    }

    /** Logs with {@code config}. */
    public CSVLogger(Config config) {
        this.config = config;
    }

    /** A builder for {@code filename} with Keras's defaults (separator {@code ","}, no append). */
    public static Builder builder(Path filename) {
        return new Builder(filename);
    }

    /** The options this callback was built with. */
    public Config config() {
        return config;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        Path file = config.filename();
        try {
            if (config.append() && Files.exists(file)) {
                // Keras: append_header = not len(f.readline()), and readline keeps the line break.
                appendHeader = Files.size(file) == 0;
            }
            closeWriter();
            writer = config.append()
                    ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot open " + file, e);
        }
        keys = null;
        headerDone = false;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (writer == null) {
            throw new IllegalStateException("CSVLogger: onEpochEnd before onTrainBegin (" + config.filename() + ")");
        }
        Map<String, Double> values = logs == null ? Map.of() : logs;
        if (keys == null) {
            keys = columns(values);
        }
        List<String> row = new ArrayList<>(keys.size() + 1);
        if (!headerDone) {
            if (appendHeader) {
                row.add("epoch");
                row.addAll(keys);
                writeRow(row);
                row.clear();
            }
            headerDone = true;
        }
        row.add(String.valueOf(epoch));
        for (String key : keys) {
            Double value = values.get(key);
            row.add(value == null ? "NA" : PythonFormat.repr(value));
        }
        writeRow(row);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot write " + config.filename(), e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        closeWriter();
    }

    /** The first epoch's keys, sorted, plus a {@code val_} twin of each when there is no {@code val_} key (Keras's rule). */
    private static List<String> columns(Map<String, Double> logs) {
        List<String> columns = new ArrayList<>(logs.keySet());
        columns.sort(null);
        if (!columns.isEmpty() && columns.stream().noneMatch(key -> key.startsWith("val_"))) {
            for (String key : List.copyOf(columns)) {
                columns.add("val_" + key);
            }
        }
        return columns;
    }

    private void writeRow(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(config.separator());
            }
            line.append(quoted(fields.get(i)));
        }
        line.append(LINE_END);
        try {
            writer.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot write " + config.filename(), e);
        }
    }

    /** Python's QUOTE_MINIMAL: quote a field holding the separator, a quote or a line break; double its quotes. */
    private String quoted(String field) {
        boolean needsQuotes = field.contains(config.separator()) || field.indexOf('"') >= 0
                || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
        return needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("CSVLogger: cannot close " + config.filename(), e);
            } finally {
                writer = null;
            }
        }
    }

    /** Builds a {@link CSVLogger} from Keras's defaults. */
    public static final class Builder {
        private final Path filename;
        private String separator = ",";
        private boolean append = false;

        private Builder(Path filename) {
            this.filename = filename;
        }

        /** The one character between fields (default {@code ","}). */
        public Builder separator(String separator) {
            this.separator = separator;
            return this;
        }

        /** Add to an existing file instead of overwriting it (default false). */
        public Builder append(boolean append) {
            this.append = append;
            return this;
        }

        /** The configuration alone. */
        public Config config() {
            return new Config(filename, separator, append);
        }

        /** The callback. */
        public CSVLogger build() {
            return new CSVLogger(config());
        }
    }
}
