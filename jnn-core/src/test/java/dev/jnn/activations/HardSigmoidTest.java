package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HardSigmoidTest {
    // Expected values: keras.activations.hard_sigmoid(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            0f, 0f, 0f, 0.0833333358f, 0.333333343f, 0.416666657f, 0.499833345f, 0.5f, 0.583333313f,
            0.666666687f, 0.916666687f, 1f, 1f, 1f, 1f
    };

    private final HardSigmoid f = new HardSigmoid();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("hard_sigmoid", f.name());
    }
}
