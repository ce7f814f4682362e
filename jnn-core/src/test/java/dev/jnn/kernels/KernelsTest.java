package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The backend selector, through its package-private decision function. */
class KernelsTest {
    @Test
    void automaticChoosesVectorOnlyWithModuleAndC2() {
        assertEquals("vector", Kernels.select(null, true, true).backend());
        assertInstanceOf(VectorSgemm.class, Kernels.select(null, true, true).sgemm());
        assertEquals("scalar", Kernels.select(null, false, true).backend());
        assertEquals("scalar", Kernels.select(null, true, false).backend());
        assertEquals("scalar", Kernels.select("", false, false).backend());
        assertInstanceOf(ScalarSgemm.class, Kernels.select(null, false, true).sgemm());
    }

    @Test
    void propertyForcesBackend() {
        assertEquals("scalar", Kernels.select("scalar", true, true).backend());
        assertInstanceOf(ScalarSgemm.class, Kernels.select("scalar", true, true).sgemm());
        assertEquals("vector", Kernels.select("vector", true, false).backend());
        assertEquals("vector", Kernels.select(" Vector ", true, true).backend());
    }

    @Test
    void vectorWithoutModuleAndUnknownNamesAreErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> Kernels.select("vector", false, true));
        assertTrue(e.getMessage().contains("jdk.incubator.vector"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Kernels.select("blas", true, true));
        assertTrue(e.getMessage().contains("'blas'"), e.getMessage());
    }

    @Test
    void detailSaysWhy() {
        assertTrue(Kernels.select(null, false, true).detail().contains("not present"));
        assertTrue(Kernels.select(null, true, false).detail().contains("C2"));
        assertTrue(Kernels.select(null, true, true).detail().matches("FloatVector \\d+-bit( forced by jnn.vector.bits)?, \\d+ threads?"),
                Kernels.select(null, true, true).detail());
    }

    @Test
    void c2IsJudgedFromVmInfo() {
        assertTrue(Kernels.c2Running("mixed mode, sharing"));
        assertFalse(Kernels.c2Running("interpreted mode, sharing"));
        assertFalse(Kernels.c2Running("mixed mode, emulated-client, sharing"));
    }

    @Test
    void thisTestJvmRunsVector() {
        // Surefire starts the JVM with --add-modules jdk.incubator.vector and C2 on.
        if (System.getProperty("jnn.backend") == null) {
            assertEquals("vector", Kernels.backend());
            assertInstanceOf(VectorSgemm.class, Kernels.sgemm());
        }
        assertInstanceOf(ScalarSgemm.class, Kernels.scalarSgemm());
    }

    @Test
    void fmaFlagIsReadFromCpuinfo() {
        assertTrue(CpuFeatures.hasFmaFlag("processor: 0\nflags\t\t: fpu sse avx fma avx2\n"));
        assertFalse(CpuFeatures.hasFmaFlag("processor: 0\nflags\t\t: fpu sse avx\n"));
        assertFalse(CpuFeatures.hasFmaFlag("flags: fma4 sse\n"));
    }
}
