package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftplusTest {
    // Expected values: keras.activations.softplus(ActivationChecks.KERAS_X) printed by Keras 3.15.1
    // (torch backend).
    private static final float[] KERAS = {
            2.06115369e-09f, 0.00671534846f, 0.048587352f, 0.078889735f, 0.313261688f, 0.474076986f,
            0.692647278f, 0.693147182f, 0.974076986f, 1.31326163f, 2.57888985f, 3.04858732f, 5.0067153f,
            6.50150251f, 20f
    };

    private final Softplus f = new Softplus();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, KERAS);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, x -> Math.log(1 + Math.exp(x)));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void hasKerasName() {
        assertEquals("softplus", f.name());
    }

    @Test
    void staysFiniteAndExactForLargeInputs() {
        float[] y = ActivationChecks.forward(f, new float[] {-200f, 200f, 1e30f});
        assertEquals(0f, y[0]);
        assertEquals(200f, y[1]);
        assertEquals(1e30f, y[2]);
    }
}
