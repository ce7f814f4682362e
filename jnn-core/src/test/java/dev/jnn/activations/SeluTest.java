package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeluTest {
    // Expected values: keras.activations.selu(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            -1.75809932f, -1.74625337f, -1.6705687f, -1.61378574f, -1.11133075f, -0.691758156f,
            -0.0017572206f, 0f, 0.525350511f, 1.05070102f, 2.62675261f, 3.15210295f, 5.25350523f, 6.82955647f,
            21.0140209f
    };

    private final Selu f = new Selu();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        double scale = 1.0507009873554805;
        double alpha = 1.6732632423543772;
        assertMatchesFormula(f, x -> x > 0 ? scale * x : scale * alpha * (Math.exp(x) - 1));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("selu", f.name());
    }
}
