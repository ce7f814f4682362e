package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HardSiluTest {
    // Expected values: keras.activations.hard_silu(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            -0f, -0f, -0f, -0.208333328f, -0.333333343f, -0.208333328f, -0.000499833375f, 0f, 0.291666657f,
            0.666666687f, 2.29166675f, 3f, 5f, 6.5f, 20f
    };

    private final HardSilu f = new HardSilu();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("hard_silu", f.name());
    }
}
