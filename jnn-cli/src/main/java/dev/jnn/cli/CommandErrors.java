package dev.jnn.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * How the tool commands report a failure the user can fix (a spec error, a missing file): one line
 * {@code jnn <command>: <message>} on standard error and exit status 1, without a stack trace or
 * the usage text, which would bury the message.
 */
final class CommandErrors {
    private CommandErrors() {
    }

    /** Prints the message and returns the exit status 1. */
    static int fail(CommandSpec command, String message) {
        var err = command.commandLine().getErr();
        err.println("jnn " + command.name() + ": " + message);
        err.flush();
        return 1;
    }
}
