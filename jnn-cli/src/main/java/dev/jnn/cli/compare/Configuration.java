package dev.jnn.cli.compare;

/**
 * One configuration of {@code jnn compare}: something trained once per seed. Every run must depend
 * only on its seed (seed the thread's stream, never share mutable state), which is what makes the
 * comparison independent of how many runs go in parallel.
 */
public interface Configuration {
    /** The row name in tables and legends. */
    String name();

    /** A few words on what is trained (layers, loss, optimizer, epochs, or the spec file). */
    String description();

    /** Trains seed {@code seed}. */
    RunOutcome run(long seed) throws Exception;
}
