package dev.jnn.cli.spec;

/**
 * A spec file (of {@code jnn train}, {@code compare} or {@code tune}) that cannot be used: the
 * message starts with the JSON path of the offending field ({@code compile.optimizer},
 * {@code model.layers[2]}) and, where there is a closed set, lists the allowed values.
 *
 * <pre>{@code
 * throw new SpecException("compile.loss", "unknown loss \"msee\"; allowed: mse, mae, ...");
 * }</pre>
 */
public final class SpecException extends IllegalArgumentException {
    private final String path;

    /** An error at {@code path} (empty for the whole document). */
    public SpecException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    /** An error at {@code path} caused by a library error whose message explains it. */
    public SpecException(String path, String message, Throwable cause) {
        this(path, message);
        initCause(cause);
    }

    /** The JSON path of the field, e.g. {@code fit.early_stopping.patience}; empty for the document. */
    public String path() {
        return path;
    }
}
