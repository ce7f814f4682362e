package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EluTest {
    @Test
    void defaultAlpha() {
        // keras.activations.elu(ActivationChecks.KERAS_X), Keras 3.15.1 (torch backend).
        assertMatchesKeras(new Elu(), new float[] {
                -1f, -0.993262053f, -0.950212955f, -0.917914987f, -0.63212055f, -0.393469334f,
                -0.00099950016f, 0f, 0.5f, 1f, 2.5f, 3f, 5f, 6.5f, 20f
        });
    }

    @Test
    void customAlpha() {
        // keras.activations.elu(ActivationChecks.KERAS_X, alpha=0.5), Keras 3.15.1 (torch backend).
        assertMatchesKeras(new Elu(0.5f), new float[] {
                -0.5f, -0.496631026f, -0.475106478f, -0.458957493f, -0.316060275f, -0.196734667f,
                -0.00049975008f, 0f, 0.5f, 1f, 2.5f, 3f, 5f, 6.5f, 20f
        });
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(new Elu(), x -> x > 0 ? x : Math.exp(x) - 1);
        assertMatchesFormula(new Elu(0.5f), x -> x > 0 ? x : 0.5 * (Math.exp(x) - 1));
    }

    @Test
    void gradients() {
        assertGradient(new Elu());
        assertGradient(new Elu(0.5f));
        assertGradient(new Elu(2f));
    }

    @Test
    void nameAndConfig() {
        assertEquals("elu", new Elu().name());
        assertEquals(Map.of("alpha", 1f), new Elu().config());
        assertThrows(IllegalArgumentException.class, () -> new Elu(Float.NaN));
    }
}
