package dev.jnn.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.testing.GradientCheck;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegularizersTest {
    // Weights and expected penalties/gradients from Keras 3.15.1 (TensorFlow backend, float32):
    //   x = tf.Variable([[0.5, -1.5, 2.0], [-0.25, 0.0, 3.0]]); with tf.GradientTape() as t: p = r(x)
    //   print(float(p), t.gradient(p, x).numpy().ravel())
    private static final float[] W = {0.5f, -1.5f, 2.0f, -0.25f, 0.0f, 3.0f};

    @Test
    void l1MatchesKeras() {
        var r = new L1(0.3);
        assertEquals(2.1750001907348633, r.penalty(W), 1e-6);
        float[] grad = new float[6];
        r.addGradient(W, grad);
        assertArrayEquals(new float[] {0.3f, -0.3f, 0.3f, -0.3f, 0.0f, 0.3f}, grad, 1e-7f);
    }

    @Test
    void l2MatchesKeras() {
        var r = new L2(0.1);
        assertEquals(1.556249976158142, r.penalty(W), 1e-6);
        float[] grad = new float[6];
        r.addGradient(W, grad);
        assertArrayEquals(new float[] {0.1f, -0.3f, 0.4f, -0.05f, 0.0f, 0.6f}, grad, 1e-7f);
    }

    @Test
    void l1l2MatchesKeras() {
        var r = new L1L2(0.01, 0.02);
        assertEquals(0.38374999165534973, r.penalty(W), 1e-6);
        float[] grad = new float[6];
        r.addGradient(W, grad);
        assertArrayEquals(new float[] {0.03f, -0.07f, 0.09f, -0.02f, 0.0f, 0.13f}, grad, 1e-7f);
    }

    @Test
    void stringDefaultsMatchKeras() {
        // keras.regularizers.get("l1")(x) = 0.0725, get("l2")(x) = 0.155625, L1L2() gives l1 = l2 = 0.
        assertEquals(0.07249999791383743, Regularizers.get("l1").penalty(W), 1e-7);
        assertEquals(0.15562500059604645, Regularizers.get("l2").penalty(W), 1e-7);
        assertEquals(new L1L2(0.0, 0.0), Regularizers.get("l1_l2"));
        assertEquals(0f, Regularizers.get("l1_l2").penalty(W));
    }

    @Test
    void penaltiesMatchTheirFormulasOnRandomWeights() {
        SplittableRandom random = new SplittableRandom(1);
        float[] w = new float[500];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-2, 2);
        }
        double abs = 0;
        double sq = 0;
        for (float v : w) {
            abs += Math.abs(v);
            sq += (double) v * v;
        }
        assertEquals(0.05 * abs, new L1(0.05).penalty(w), 1e-5 * abs);
        assertEquals(0.07 * sq, new L2(0.07).penalty(w), 1e-5 * sq);
        assertEquals(0.05 * abs + 0.07 * sq, new L1L2(0.05, 0.07).penalty(w), 1e-5 * (abs + sq));
    }

    @Test
    void gradientsPassTheNumericalCheck() {
        SplittableRandom random = new SplittableRandom(2);
        float[] w = new float[40];
        for (int i = 0; i < w.length; i++) {
            // away from 0, where |w| has no derivative
            double magnitude = random.nextDouble(0.05, 2.0);
            w[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        for (Regularizer r : List.of(new L1(0.3), new L2(0.2), new L1L2(0.1, 0.4))) {
            float[] grad = new float[w.length];
            r.addGradient(w, grad);
            GradientCheck.assertGradient(r.name(), w, grad, x -> r.penalty(x), 1e-3, 1e-2);
        }
    }

    @Test
    void addGradientAccumulates() {
        float[] grad = {1, 1, 1, 1, 1, 1};
        new L2(0.1).addGradient(W, grad);
        assertArrayEquals(new float[] {1.1f, 0.7f, 1.4f, 0.95f, 1.0f, 1.6f}, grad, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new L1().addGradient(W, new float[5]));
    }

    @Test
    void negativeOrNonFiniteFactorsAreRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new L1(-0.1));
        assertTrue(e.getMessage().contains("l1") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L2(Double.NaN));
        assertTrue(e.getMessage().contains("l2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L1L2(0.0, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("l2"), e.getMessage());
    }

    @Test
    void registryNamesAndErrors() {
        assertEquals(new L1(0.01), Regularizers.get("l1"));
        assertEquals(new L2(0.01), Regularizers.get("L2"));
        assertEquals(new L1L2(), Regularizers.get("l1l2"));
        assertEquals(new L1L2(), Regularizers.get("L1L2"));
        var e = assertThrows(IllegalArgumentException.class, () -> Regularizers.get("l3"));
        assertTrue(e.getMessage().contains("l3") && e.getMessage().contains("l1_l2"), e.getMessage());
    }

    @Test
    void configsUseKerasKeysAndRoundTrip() {
        assertEquals(Map.of("l1", 0.3), new L1(0.3).config());
        assertEquals(List.of("l1", "l2"), List.copyOf(new L1L2(0.1, 0.2).config().keySet()));
        assertEquals("L1L2", new L1L2().className());
        assertEquals("L2", new L2().className());
        for (Regularizer r : List.of(new L1(0.3), new L2(0.2), new L1L2(0.1, 0.4))) {
            assertEquals(r, Regularizers.fromConfig(r.className(), r.config()));
        }
        assertEquals(new L1L2(0.0, 0.5), Regularizers.fromConfig("L1L2", Map.of("l2", 0.5)));
        assertEquals(new L2(1.0), Regularizers.fromConfig("l2", Map.of("l2", 1)));
        assertThrows(IllegalArgumentException.class, () -> Regularizers.fromConfig("L1", Map.of("l2", 0.1)));
    }

    @Test
    void typedFactories() {
        assertEquals(new L1(0.2), Regularizers.l1(0.2));
        assertEquals(new L2(0.3), Regularizers.l2(0.3));
        assertEquals(new L1L2(0.2, 0.3), Regularizers.l1L2(0.2, 0.3));
    }
}
