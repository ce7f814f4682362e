package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeluTest {
    @Test
    void exactFormIsTheDefault() {
        // keras.activations.gelu(ActivationChecks.KERAS_X) (approximate=False), Keras 3.15.1 (torch).
        // Keras forms 1 + erf(x/√2) in float32, which cancels for negative x: its result is off by up
        // to ~ulp(1)·|x|/2 (1.7e-7 at x = -3, where the exact value is -0.00404969...). We use erfc.
        assertMatchesKeras(new Gelu(), ActivationChecks.KERAS_X, new float[] {
                0f, -1.49011612e-06f, -0.00404986739f, -0.0155241787f, -0.158655286f, -0.154268786f,
                -0.000499601127f, 0f, 0.345731199f, 0.841344714f, 2.48447585f, 2.99595022f, 4.99999857f, 6.5f,
                20f
        }, 1, ActivationChecks.KERAS_X.length, 5e-7);
        assertFalse(new Gelu().approximate());
    }

    @Test
    void tanhForm() {
        // keras.activations.gelu(ActivationChecks.KERAS_X, approximate=True), Keras 3.15.1 (torch).
        assertMatchesKeras(new Gelu(true), new float[] {
                -0f, -2.98023224e-07f, -0.00363743305f, -0.0150842965f, -0.158807993f, -0.154285997f,
                -0.000499601068f, 0f, 0.345714003f, 0.841192007f, 2.48491573f, 2.99636269f, 4.99999952f, 6.5f,
                20f
        });
    }

    @Test
    void exactFormMatchesNumericallyIntegratedNormalCdf() {
        assertMatchesFormula(new Gelu(false), x -> x * normalCdf(x));
    }

    @Test
    void tanhFormMatchesFormula() {
        double k = Math.sqrt(2 / Math.PI);
        assertMatchesFormula(new Gelu(true), x -> 0.5 * x * (1 + Math.tanh(k * (x + 0.044715 * x * x * x))));
    }

    @Test
    void gradients() {
        assertGradient(new Gelu(false));
        assertGradient(new Gelu(true));
    }

    @Test
    void nameAndConfig() {
        assertEquals("gelu", new Gelu(true).name());
        assertEquals(Map.of("approximate", true), new Gelu(true).config());
    }

    /**
     * Φ(x) by composite Simpson integration of the normal density: for x <= 0 over [x - 40, x] (the
     * tail beyond is below 1e-300), for x > 0 as 1 - Φ(-x). Independent of the erf code under test.
     */
    private static double normalCdf(double x) {
        if (x > 0) {
            return 1 - normalCdf(-x);
        }
        int n = 20_000;
        double a = x - 40;
        double h = (x - a) / n;
        double sum = density(a) + density(x);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * density(a + i * h);
        }
        return sum * h / 3;
    }

    private static double density(double t) {
        return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    }
}
