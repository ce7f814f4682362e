package dev.jnn.kernels;

/**
 * The door to the Vector API kernels: {@link Kernels} touches these classes only through here, and
 * only after checking that the module jdk.incubator.vector is present, so that a JVM started
 * without it never loads a class that refers to the Vector API.
 */
final class VectorBackend {
    private VectorBackend() {
    }

    static Sgemm sgemm() {
        return new VectorSgemm();
    }

    /** For the start-up line: {@code FloatVector 512-bit, 2 threads}. */
    static String describe() {
        return "FloatVector " + SgemmMicroKernel.SPECIES.vectorBitSize() + "-bit"
                + (VectorWidth.forced() ? " forced by jnn.vector.bits" : "") + ", "
                + KernelPool.threads() + (KernelPool.threads() == 1 ? " thread" : " threads");
    }
}
