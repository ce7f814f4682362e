package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorWidthTest {
    @Test
    void forcedWidthsAreTheNamedSpecies() {
        assertEquals(FloatVector.SPECIES_128, VectorWidth.choose("128", true));
        assertEquals(FloatVector.SPECIES_256, VectorWidth.choose(" 256 ", false));
        assertEquals(FloatVector.SPECIES_512, VectorWidth.choose("512", true));
    }

    @Test
    void defaultIsThePreferredSpeciesCappedAt512ForSgemm() {
        assertEquals(FloatVector.SPECIES_PREFERRED, VectorWidth.choose(null, false));
        assertTrue(VectorWidth.choose("", true).vectorBitSize() <= 512);
        assertEquals(Math.min(512, FloatVector.SPECIES_PREFERRED.vectorBitSize()),
                VectorWidth.choose(null, true).vectorBitSize());
    }

    @Test
    void otherWidthsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> VectorWidth.choose("1024", false));
        assertEquals("jnn.vector.bits must be 128, 256 or 512, got \"1024\"", e.getMessage());
    }
}
