package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector width of the Vector API kernels, chosen once: the CPU's preferred species (512 bits with
 * AVX-512, 256 with AVX2, 128 with NEON), for SGEMM at most 512 bits (its micro-kernel tiles are
 * sized for 16 and 32 vector registers, not for wider SVE vectors).
 *
 * <p>{@code -Djnn.vector.bits=128|256|512} forces a width. The Vector API runs a width the CPU does
 * not have in plain Java: many times slower, but with the same results. So the tests run the kernels
 * at every width whatever the machine (the AVX-512 12-row micro-kernel on an AVX2 machine, for
 * instance); for speed, leave the default.
 */
final class VectorWidth {
    /** The species of the element-wise, softmax and LSTM-gate kernels. */
    static final VectorSpecies<Float> FLOATS = choose(System.getProperty("jnn.vector.bits"), false);
    /** The species of the SGEMM micro-kernel and its packing. */
    static final VectorSpecies<Float> SGEMM = choose(System.getProperty("jnn.vector.bits"), true);

    private VectorWidth() {
    }

    /**
     * The species for a {@code jnn.vector.bits} value (null: the CPU's preferred), capped at 512 bits
     * when {@code capAt512}.
     *
     * @throws IllegalArgumentException when the value is not 128, 256 or 512
     */
    static VectorSpecies<Float> choose(String forced, boolean capAt512) {
        if (forced != null && !forced.isBlank()) {
            return switch (forced.trim()) {
                case "128" -> FloatVector.SPECIES_128;
                case "256" -> FloatVector.SPECIES_256;
                case "512" -> FloatVector.SPECIES_512;
                default -> throw new IllegalArgumentException(
                        "jnn.vector.bits must be 128, 256 or 512, got \"" + forced + "\"");
            };
        }
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        if (capAt512 && preferred.vectorShape().vectorBitSize() > 512) {
            return FloatVector.SPECIES_512;
        }
        return preferred;
    }

    /** True when the width was forced with {@code jnn.vector.bits} rather than chosen for the CPU. */
    static boolean forced() {
        String value = System.getProperty("jnn.vector.bits");
        return value != null && !value.isBlank();
    }
}
