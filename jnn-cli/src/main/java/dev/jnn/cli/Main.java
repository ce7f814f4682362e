package dev.jnn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jnn} command: subcommands for the XOR study and later tools. */
@Command(name = "jnn", mixinStandardHelpOptions = true, version = "jnn 0.1.0",
        description = "Neural networks for Java, the Keras way.",
        subcommands = {XorCommand.class, BenchCommand.class, ExampleCommand.class, TrainCommand.class,
                CompareCommand.class, TuneCommand.class, SummaryCommand.class, PredictCommand.class, FitCommand.class})
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
