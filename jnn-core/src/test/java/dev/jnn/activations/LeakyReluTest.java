package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakyReluTest {
    @Test
    void defaultSlopeIsKerasFunctionDefault() {
        // keras.activations.leaky_relu(ActivationChecks.KERAS_X), Keras 3.15.1 (torch backend).
        assertMatchesKeras(new LeakyRelu(), new float[] {
                -4f, -1f, -0.600000024f, -0.5f, -0.200000003f, -0.100000001f, -0.000200000009f, 0f, 0.5f, 1f,
                2.5f, 3f, 5f, 6.5f, 20f
        });
        assertEquals(0.2f, new LeakyRelu().negativeSlope());
    }

    @Test
    void customSlope() {
        // keras.activations.leaky_relu(ActivationChecks.KERAS_X, negative_slope=0.05), Keras 3.15.1.
        assertMatchesKeras(new LeakyRelu(0.05f), new float[] {
                -1f, -0.25f, -0.150000006f, -0.125f, -0.0500000007f, -0.0250000004f, -5.00000024e-05f, 0f,
                0.5f, 1f, 2.5f, 3f, 5f, 6.5f, 20f
        });
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(new LeakyRelu(0.2f), x -> x < 0 ? 0.2 * x : x);
        assertMatchesFormula(new LeakyRelu(0.01f), x -> x < 0 ? 0.01 * x : x);
    }

    @Test
    void gradients() {
        assertGradient(new LeakyRelu());
        assertGradient(new LeakyRelu(0.05f));
    }

    @Test
    void nameAndConfig() {
        assertEquals("leaky_relu", new LeakyRelu().name());
        assertEquals(Map.of("negative_slope", 0.05f), new LeakyRelu(0.05f).config());
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(Float.NaN));
    }
}
