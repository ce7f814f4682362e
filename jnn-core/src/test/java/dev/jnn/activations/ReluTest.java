package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesFormula;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReluTest {
    // Expected values: keras.activations.relu(ActivationChecks.KERAS_X, negative_slope=..., max_value=...,
    // threshold=...) printed by Keras 3.15.1 (torch backend), for the arguments named in each test.

    @Test
    void defaults() {
        assertMatchesKeras(new Relu(), new float[] {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 1f, 2.5f, 3f, 5f, 6.5f, 20f});
    }

    @Test
    void negativeSlopeAloneIsLeaky() {
        assertMatchesKeras(new Relu(0.1f, null, 0f), new float[] {
                -2f, -0.5f, -0.300000012f, -0.25f, -0.100000001f, -0.0500000007f, -0.000100000005f, 0f, 0.5f,
                1f, 2.5f, 3f, 5f, 6.5f, 20f
        });
    }

    @Test
    void maxValueClips() {
        assertMatchesKeras(new Relu(0f, 4f, 0f), new float[] {
                0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 1f, 2.5f, 3f, 4f, 4f, 4f
        });
        assertMatchesKeras(new Relu(0f, 6f, 0f), new float[] {
                0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 1f, 2.5f, 3f, 5f, 6f, 6f
        });
    }

    @Test
    void thresholdZeroesValuesAtOrBelowIt() {
        assertMatchesKeras(new Relu(0f, null, 1f), new float[] {
                0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 2.5f, 3f, 5f, 6.5f, 20f
        });
    }

    @Test
    void negativeThresholdLetsValuesBetweenItAndZeroThrough() {
        assertMatchesKeras(new Relu(0f, null, -1f), new float[] {
                0f, 0f, 0f, 0f, 0f, -0.5f, -0.00100000005f, 0f, 0.5f, 1f, 2.5f, 3f, 5f, 6.5f, 20f
        });
    }

    @Test
    void slopeMaxAndThresholdCombine() {
        // relu(x, negative_slope=0.1, max_value=4.0, threshold=1.0)
        assertMatchesKeras(new Relu(0.1f, 4f, 1f), new float[] {
                -2.10000014f, -0.600000024f, -0.400000006f, -0.349999994f, -0.200000003f, -0.150000006f,
                -0.100100003f, -0.100000001f, -0.0500000007f, 0f, 2.5f, 3f, 4f, 4f, 4f
        });
        // relu(x, negative_slope=0.3, threshold=1.5)
        assertMatchesKeras(new Relu(0.3f, null, 1.5f), new float[] {
                -6.45000029f, -1.95000005f, -1.35000002f, -1.20000005f, -0.75f, -0.600000024f, -0.450300038f,
                -0.450000018f, -0.300000012f, -0.150000006f, 2.5f, 3f, 5f, 6.5f, 20f
        });
        // relu(x, negative_slope=0.3, max_value=2.0)
        assertMatchesKeras(new Relu(0.3f, 2f, 0f), new float[] {
                -6f, -1.5f, -0.900000036f, -0.75f, -0.300000012f, -0.150000006f, -0.000300000014f, 0f, 0.5f,
                1f, 2f, 2f, 2f, 2f, 2f
        });
    }

    @Test
    void matchesPiecewiseFormula() {
        // Written from the documented behaviour, not from the clip formula in Relu.
        assertMatchesFormula(new Relu(), x -> x > 0 ? x : 0);
        assertMatchesFormula(new Relu(0.1f, 4f, 1f), x -> x <= 1 ? 0.1 * (x - 1) : Math.min(x, 4));
        assertMatchesFormula(new Relu(0.3f, null, 1.5f), x -> x <= 1.5 ? 0.3 * (x - 1.5) : x);
        assertMatchesFormula(new Relu(0.25f, null, 0f), x -> x >= 0 ? x : 0.25 * x);
        assertMatchesFormula(new Relu(0f, null, -1f), x -> x > -1 ? x : 0);
        assertMatchesFormula(new Relu(0f, 2f, -1f), x -> Math.min(Math.max(x, 0), 2));
    }

    @Test
    void gradients() {
        for (Relu f : List.of(new Relu(), new Relu(0.1f, null, 0f), new Relu(0f, 4f, 0f),
                new Relu(0.1f, 4f, 1f), new Relu(0.3f, null, 1.5f), new Relu(0.3f, 2f, -1f))) {
            assertGradient(f);
        }
    }

    @Test
    void configUsesKerasKeys() {
        var expected = new HashMap<String, Object>();
        expected.put("negative_slope", 0.1f);
        expected.put("max_value", null);
        expected.put("threshold", 1f);
        assertEquals(expected, new Relu(0.1f, null, 1f).config());
        assertEquals(Map.of("negative_slope", 0f, "max_value", 6f, "threshold", 0f), new Relu(0f, 6f, 0f).config());
        assertEquals("relu", new Relu().name());
    }

    @Test
    void rejectsInvalidArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Relu(0f, -1f, 0f));
        assertTrue(e.getMessage().contains("maxValue") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Relu(Float.NaN, null, 0f));
        assertThrows(IllegalArgumentException.class, () -> new Relu(0f, null, Float.POSITIVE_INFINITY));
    }
}
