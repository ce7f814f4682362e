package dev.jnn.data;

/**
 * How {@link Csv} reads a file: the delimiter, whether line 1 is a header of column names, how
 * many lines to skip before it, which column holds the label and how labels are read.
 *
 * <pre>{@code
 * CsvOptions o = CsvOptions.defaults().labelColumn("species").labels(CsvOptions.Labels.CLASS_NAMES);
 * CsvOptions p = CsvOptions.defaults().header(false).labelColumn(-1).labels(CsvOptions.Labels.CLASS_INDICES);
 * }</pre>
 *
 * @param delimiter the cell separator, {@code ','} by default
 * @param header whether the first (non-skipped) line names the columns
 * @param skipLines lines skipped at the top, before the header
 * @param labelName the label column's header name, or null
 * @param labelIndex the label column's index (negative counts from the end), or null; at most
 *     one of {@code labelName} and {@code labelIndex} is set, and neither means "no labels"
 * @param labels how label cells are read
 */
public record CsvOptions(char delimiter, boolean header, int skipLines, String labelName, Integer labelIndex,
        Labels labels) {

    /** How label cells become numbers. */
    public enum Labels {
        /** Floats, for regression targets. */
        NUMBERS,
        /** Whole numbers used as class indices as they are. */
        CLASS_INDICES,
        /**
         * Arbitrary strings mapped to indices in sorted order (numerically when every label is a
         * number, else by {@link String#compareTo}); the mapping is {@link CsvData#classes()}.
         */
        CLASS_NAMES
    }

    /** Validates the options. */
    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("csv: delimiter must not be a quote or a line break, got '"
                    + delimiter + "'");
        }
        if (skipLines < 0) {
            throw new IllegalArgumentException("csv: skipLines must be >= 0, got " + skipLines);
        }
        if (labelName != null && labelIndex != null) {
            throw new IllegalArgumentException("csv: give the label column by name or by index, not both");
        }
        if (labelName != null && !header) {
            throw new IllegalArgumentException("csv: label column '" + labelName + "' named but header is false");
        }
        if (labels == null) {
            throw new IllegalArgumentException("csv: labels must not be null");
        }
    }

    /** Comma-separated, header line, no label column, numeric labels. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', true, 0, null, null, Labels.NUMBERS);
    }

    /** These options with another delimiter. */
    public CsvOptions delimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, header, skipLines, labelName, labelIndex, labels);
    }

    /** These options with or without a header line. */
    public CsvOptions header(boolean hasHeader) {
        return new CsvOptions(delimiter, hasHeader, skipLines, labelName, labelIndex, labels);
    }

    /** These options skipping {@code lines} lines at the top. */
    public CsvOptions skipLines(int lines) {
        return new CsvOptions(delimiter, header, lines, labelName, labelIndex, labels);
    }

    /** These options with the label in the column named {@code name} in the header. */
    public CsvOptions labelColumn(String name) {
        return new CsvOptions(delimiter, header, skipLines, name, null, labels);
    }

    /** These options with the label in column {@code index} (negative counts from the end). */
    public CsvOptions labelColumn(int index) {
        return new CsvOptions(delimiter, header, skipLines, null, index, labels);
    }

    /** These options reading labels as {@code kind}. */
    public CsvOptions labels(Labels kind) {
        return new CsvOptions(delimiter, header, skipLines, labelName, labelIndex, kind);
    }

    /** Whether a label column is chosen. */
    public boolean hasLabel() {
        return labelName != null || labelIndex != null;
    }
}
