package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MishTest {
    // Expected values: keras.activations.mish(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            -4.12230747e-08f, -0.0335762352f, -0.145647466f, -0.196816206f, -0.30340147f, -0.220743775f,
            -0.000599680003f, 0f, 0.375245214f, 0.865098357f, 2.47139239f, 2.98653507f, 4.99955225f,
            6.49997044f, 20f
    };

    private final Mish f = new Mish();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> x * Math.tanh(Math.log(1 + Math.exp(x))));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("mish", f.name());
    }
}
