package dev.jnn.kernels;

import java.util.Locale;

/**
 * The kernel backend in use, chosen once when this class is initialized, and announced in one line
 * on standard error ({@code jnn: kernels backend = vector (FloatVector 512-bit, 2 threads)}).
 *
 * <p>By default the Vector API backend is used when the module {@code jdk.incubator.vector} is
 * present (the JVM was started with {@code --add-modules jdk.incubator.vector}) and the JIT compiler
 * C2 is running (not {@code -Xint}, not C1 only, where Vector API code is slower than plain loops);
 * otherwise the scalar backend. System properties:
 * <ul>
 *   <li>{@code jnn.backend=scalar|vector} forces a backend ({@code vector} still needs the module);
 *   <li>{@code jnn.threads=N} sets the number of threads of parallel kernels (default: all processors);
 *   <li>{@code jnn.vector.bits=128|256|512} forces the vector width (default: the CPU's; see VectorWidth);
 *   <li>{@code jnn.quiet=true} silences the start-up line.
 * </ul>
 *
 * <pre>{@code
 * Sgemm sgemm = Kernels.sgemm();
 * sgemm.matmul(a, b, c, m, k, n, false);   // C = A·B
 * }</pre>
 */
public final class Kernels {
    private static final Selection SELECTED = select(System.getProperty("jnn.backend"),
            vectorModulePresent(), c2Running(System.getProperty("java.vm.info", "")));

    static {
        if (!Boolean.getBoolean("jnn.quiet")) {
            System.err.println("jnn: kernels backend = " + SELECTED.backend() + " (" + SELECTED.detail() + ")");
        }
    }

    private Kernels() {
    }

    /** A chosen backend: its name, its SGEMM and a few words on why or how it runs. */
    record Selection(String backend, Sgemm sgemm, String detail) {
    }

    /** The SGEMM implementation of the active backend. */
    public static Sgemm sgemm() {
        return SELECTED.sgemm();
    }

    /** The reference implementation, for tests that cross-check faster backends. */
    public static Sgemm scalarSgemm() {
        return new ScalarSgemm();
    }

    /** The name of the active backend: {@code "scalar"} or {@code "vector"}. */
    public static String backend() {
        return SELECTED.backend();
    }

    /** Threads the kernels split large products over ({@code -Djnn.threads}, default: all cores). */
    public static int threads() {
        return KernelPool.threads();
    }

    /**
     * Chooses the backend from the {@code jnn.backend} property value (null for automatic) and what
     * the JVM offers. The Vector API classes are loaded only when the vector backend is chosen.
     *
     * @throws IllegalArgumentException for an unknown backend name, or {@code vector} without the module
     */
    static Selection select(String forced, boolean vectorModule, boolean c2) {
        String name = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "" -> {
                if (!vectorModule) {
                    yield scalar("module jdk.incubator.vector not present");
                }
                yield c2 ? vector() : scalar("C2 compiler not running");
            }
            case "scalar" -> scalar("forced by jnn.backend");
            case "vector" -> {
                if (!vectorModule) {
                    throw new IllegalArgumentException("jnn.backend=vector needs the module jdk.incubator.vector:"
                            + " start java with --add-modules jdk.incubator.vector");
                }
                yield vector();
            }
            default -> throw new IllegalArgumentException(
                    "jnn.backend must be 'scalar' or 'vector', got '" + forced + "'");
        };
    }

    private static Selection scalar(String why) {
        return new Selection("scalar", new ScalarSgemm(), why);
    }

    private static Selection vector() {
        return new Selection("vector", VectorBackend.sgemm(), VectorBackend.describe());
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Whether C2 compiles hot code, judged from the {@code java.vm.info} property, which HotSpot sets
     * to "interpreted mode" under -Xint and includes "emulated-client" when only C1 runs.
     */
    static boolean c2Running(String vmInfo) {
        return !vmInfo.contains("interpreted mode") && !vmInfo.contains("emulated-client");
    }
}
