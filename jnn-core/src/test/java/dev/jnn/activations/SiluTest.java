package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SiluTest {
    // Expected values: keras.activations.silu(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            -4.12230747e-08f, -0.0334642529f, -0.142277613f, -0.189645454f, -0.268941432f, -0.188770339f,
            -0.000499750022f, 0f, 0.311229676f, 0.731058598f, 2.31035447f, 2.85772252f, 4.96653557f,
            6.490242f, 20f
    };

    private final Silu f = new Silu();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> x / (1 + Math.exp(-x)));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("silu", f.name());
    }
}
