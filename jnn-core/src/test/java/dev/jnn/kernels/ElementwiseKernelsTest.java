package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ElementwiseKernelsTest {
    @Test
    void testsRunWithTheVectorModuleSoTheVectorBackendIsActiveUnlessForcedScalar() {
        // Surefire passes --add-modules jdk.incubator.vector (see the POM).
        assertEquals(true, ElementwiseKernels.vectorApiAvailable());
        String expected = "scalar".equals(System.getProperty(ElementwiseKernels.BACKEND_PROPERTY)) ? "scalar" : "vector";
        assertEquals(expected, ElementwiseKernels.get().name());
    }

    @Test
    void getReturnsOneSharedInstance() {
        assertSame(ElementwiseKernels.get(), ElementwiseKernels.get());
    }

    @Test
    void scalarPropertyOrMissingModuleSelectScalar() {
        assertEquals("vector", ElementwiseKernels.choose("", true).name());
        assertEquals("vector", ElementwiseKernels.choose("vector", true).name());
        assertEquals("scalar", ElementwiseKernels.choose("scalar", true).name());
        assertEquals("scalar", ElementwiseKernels.choose("", false).name());
        assertEquals("scalar", ElementwiseKernels.choose("vector", false).name());
    }

    @Test
    void scalarIsTheReference() {
        assertEquals("scalar", ElementwiseKernels.scalar().name());
    }
}
