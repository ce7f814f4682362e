package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExponentialTest {
    // exp overflows float32 above ~88.7, so this input stops at 80.
    private static final float[] X = {-20f, -5f, -1f, -0.5f, 0f, 0.5f, 1f, 5f, 20f, 80f};
    // keras.activations.exponential(X), Keras 3.15.1 (torch backend).
    private static final float[] KERAS = {
            2.06115369e-09f, 0.006737947f, 0.36787945f, 0.606530666f, 1f, 1.64872122f, 2.71828175f,
            148.413162f, 485165184f, 5.54062248e+34f
    };

    private final Exponential f = new Exponential();

    @Test
    void matchesKeras() {
        assertMatchesKeras(f, X, KERAS, 1, X.length);
    }

    @Test
    void matchesFormula() {
        assertMatchesFormula(f, Math::exp);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        assertGradient(f);
    }

    @Test
    void overflowsToInfinityLikeFloat32() {
        assertEquals(Float.POSITIVE_INFINITY, ActivationChecks.forward(f, new float[] {100f})[0]);
        assertEquals("exponential", f.name());
    }
}
