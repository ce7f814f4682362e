package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TanhTest {
    // Expected values: keras.activations.tanh(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            -1f, -0.999909222f, -0.995054781f, -0.986614287f, -0.761594176f, -0.462117165f, -0.000999999698f,
            0f, 0.462117165f, 0.761594176f, 0.986614287f, 0.995054781f, 0.999909222f, 0.99999547f, 1f
    };

    private final Tanh f = new Tanh();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("tanh", f.name());
    }
}
