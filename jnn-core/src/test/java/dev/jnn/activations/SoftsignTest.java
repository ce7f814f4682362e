package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftsignTest {
    // Expected values: keras.activations.softsign(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            -0.952380955f, -0.833333313f, -0.75f, -0.714285731f, -0.5f, -0.333333343f, -0.000999000971f, 0f,
            0.333333343f, 0.5f, 0.714285731f, 0.75f, 0.833333313f, 0.866666675f, 0.952380955f
    };

    private final Softsign f = new Softsign();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> x / (1 + Math.abs(x)));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("softsign", f.name());
    }
}
