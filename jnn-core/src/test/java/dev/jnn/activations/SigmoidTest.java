package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SigmoidTest {
    // Expected values: keras.activations.sigmoid(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            2.06115369e-09f, 0.00669285096f, 0.0474258736f, 0.0758581758f, 0.268941432f, 0.377540678f,
            0.499750018f, 0.5f, 0.622459352f, 0.731058598f, 0.924141824f, 0.952574134f, 0.993307173f,
            0.998498797f, 1f
    };

    private final Sigmoid f = new Sigmoid();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> 1 / (1 + Math.exp(-x)));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("sigmoid", f.name());
    }

    @Test
    void largeNegativeInputsGiveTinyValuesNotNaN() {
        float[] y = ActivationChecks.forward(f, new float[] {-100f, -1000f, 1000f});
        assertEquals((float) Math.exp(-100), y[0]);
        assertEquals(0f, y[1]);
        assertEquals(1f, y[2]);
    }
}
