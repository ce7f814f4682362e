package dev.jnn.callbacks;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Python's {@code warnings.warn} as callbacks use it: {@code "UserWarning: message"} on a stream, each
 * distinct message once (Python's default filter), so an unavailable metric does not flood the log.
 */
final class Warnings {
    private final PrintStream out;
    private final Set<String> shown = new HashSet<>();

    Warnings(PrintStream out) {
        this.out = out;
    }

    void warn(String message) {
        if (shown.add(message)) {
            out.println("UserWarning: " + message);
            out.flush();
        }
    }
}
