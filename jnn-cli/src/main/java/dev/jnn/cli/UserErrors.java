package dev.jnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns the errors a user can cause (a missing or damaged file, data that does not fit the model) into
 * one line on standard error and exit status 1, without a stack trace. Usage errors stay picocli's
 * ({@code ParameterException}, exit status 2); anything else is a bug and keeps its stack trace.
 *
 * <pre>{@code
 * public Integer call() {
 *     return UserErrors.run(spec, () -> { ...; return 0; });
 * }
 * }</pre>
 */
final class UserErrors {
    /** The exit status of a user or data error. */
    static final int STATUS = 1;

    private UserErrors() {
    }

    /** Runs {@code body}; an I/O or argument error becomes {@code jnn CMD: message} on stderr and status 1. */
    static int run(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("jnn " + spec.name() + ": " + message(e));
            err.flush();
            return STATUS;
        }
    }

    /** A one-line description of {@code e} that names the file when the JDK's message is only its path. */
    static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        String text;
        if (t instanceof NoSuchFileException f) {
            text = f.getFile() + ": no such file";
        } else if (t instanceof AccessDeniedException f) {
            text = f.getFile() + ": permission denied";
        } else if (t instanceof FileSystemException f && f.getReason() != null) {
            text = f.getFile() + ": " + f.getReason();
        } else {
            text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
