package dev.jnn.kernels;

/**
 * Chooses the element-wise backend once, at class initialisation: {@code VectorElementwise} when
 * the {@code jdk.incubator.vector} module is in the boot layer and {@code -Djnn.backend} is not
 * {@code scalar}, otherwise {@code ScalarElementwise}. The choice is logged once at DEBUG level.
 *
 * <p>The vector class is only named inside {@link #vector()}, which runs only when the module is
 * present, so a JVM started without {@code --add-modules jdk.incubator.vector} never loads it.
 *
 * <pre>{@code
 * Elementwise k = ElementwiseKernels.get();   // "vector" or "scalar"
 * k.relu(z, 0, a, 0, z.length);
 * Elementwise reference = ElementwiseKernels.scalar();
 * }</pre>
 */
public final class ElementwiseKernels {
    /** The system property that forces a backend; {@code scalar} disables the Vector API. */
    public static final String BACKEND_PROPERTY = "jnn.backend";

    private static final Elementwise ACTIVE = logged(
            choose(System.getProperty(BACKEND_PROPERTY, ""), vectorApiAvailable()));
    private static final LstmGates LSTM_GATES = ACTIVE.name().equals("vector") ? vectorLstmGates() : new ScalarLstmGates();

    private ElementwiseKernels() {
    }

    /** The element-wise kernels of the active backend. */
    public static Elementwise get() {
        return ACTIVE;
    }

    /** The scalar reference kernels, for cross-checks and for callers that need double-accurate results. */
    public static Elementwise scalar() {
        return new ScalarElementwise();
    }

    /** The fused LSTM gate math of the active backend (the same choice as {@link #get()}). */
    public static LstmGates lstmGates() {
        return LSTM_GATES;
    }

    /** The scalar reference of the fused LSTM gate math. */
    public static LstmGates scalarLstmGates() {
        return new ScalarLstmGates();
    }

    /** Whether the Vector API module is present in this JVM. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The backend for a {@code jnn.backend} value ({@code ""} when unset) and the module's presence.
     * Values other than {@code scalar} (e.g. {@code vector}, {@code blas}, which concern SGEMM) leave
     * the vector kernels on when they can run.
     */
    static Elementwise choose(String forced, boolean vectorModulePresent) {
        return !forced.equals("scalar") && vectorModulePresent ? vector() : new ScalarElementwise();
    }

    private static Elementwise logged(Elementwise chosen) {
        System.getLogger(ElementwiseKernels.class.getName()).log(System.Logger.Level.DEBUG,
                "jnn element-wise backend: {0}", chosen.name());
        return chosen;
    }

    private static Elementwise vector() {
        return new VectorElementwise();
    }

    private static LstmGates vectorLstmGates() {
        return new VectorLstmGates();
    }
}
