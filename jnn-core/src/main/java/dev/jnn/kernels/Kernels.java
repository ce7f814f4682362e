package dev.jnn.kernels;

/**
 * The kernel backend in use, chosen once at start-up.
 *
 * <p>Only the scalar backend exists so far; the system property {@code jnn.backend} is read so
 * that scripts can already force it ({@code -Djnn.backend=scalar}).
 */
public final class Kernels {
    private static final Sgemm SGEMM = new ScalarSgemm();

    private Kernels() {
    }

    /** The SGEMM implementation of the active backend. */
    public static Sgemm sgemm() {
        return SGEMM;
    }

    /** The reference implementation, for tests that cross-check faster backends. */
    public static Sgemm scalarSgemm() {
        return new ScalarSgemm();
    }

    /** The name of the active backend. */
    public static String backend() {
        return "scalar";
    }
}
