package dev.jnn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Keras file that cannot be read: corrupt, truncated, of the wrong kind, or holding weights that do
 * not fit the model. The message names the file and the problem.
 *
 * <p>It is an {@link IOException} because the fault lies in the file, not in the caller's code: every
 * method that opens a file already declares {@code IOException}, so callers handle it where they handle
 * a missing file. (A model feature jnn lacks is a different matter, reported as an unchecked
 * {@code UnsupportedKerasFeatureException}.)
 */
public final class KerasFileException extends IOException {
    private final transient Path file;

    /** A problem with {@code file} (may be null for an in-memory source). */
    public KerasFileException(Path file, String problem) {
        super(message(file, problem));
        this.file = file;
    }

    /** A problem with {@code file} found while parsing it. */
    public KerasFileException(Path file, String problem, Throwable cause) {
        super(message(file, problem), cause);
        this.file = file;
    }

    /** The file at fault, or null when it was read from memory. */
    public Path file() {
        return file;
    }

    private static String message(Path file, String problem) {
        return (file == null ? "Keras file" : file.toString()) + ": " + problem;
    }
}
