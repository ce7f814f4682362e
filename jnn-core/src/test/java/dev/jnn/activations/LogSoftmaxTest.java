package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogSoftmaxTest {
    // keras.activations.log_softmax(SoftmaxTest.LOGITS.reshape(3, 4)), Keras 3.15.1 (torch backend).
    private static final float[] KERAS = {
            -1.40760589f, -0.407605946f, -2.40760589f, -2001.40759f, -5.31130362f, -1.81130338f, -2.31130338f,
            -0.311303407f, -1.54600644f, -0.546006382f, -2.54600644f, -2.04600644f
    };

    private final LogSoftmax f = new LogSoftmax();

    @Test
    void matchesKerasPerRow() {
        assertMatchesKeras(f, SoftmaxTest.LOGITS, KERAS, 3, 4);
    }

    @Test
    void matchesFormulaInDouble() {
        var random = new Random(5);
        int rows = 4;
        int cols = 6;
        var x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 4);
        }
        float[] y = ActivationChecks.forward(f, x, rows, cols);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(x[r * cols + c]);
            }
            for (int c = 0; c < cols; c++) {
                double expected = x[r * cols + c] - Math.log(sum);
                assertEquals(expected, y[r * cols + c], 1e-6 * Math.abs(expected) + 1e-6);
            }
        }
    }

    @Test
    void gradientOfWeightedSumMatchesCentralDifferences() {
        assertGradient(f, new float[] {
                -1.3f, 0.4f, 2.2f, 0.1f, 1.7f, -0.8f, 0.9f, -2.5f, 0.3f, 1.1f, -0.2f, 0.6f
        }, 3, 4);
        assertGradient(f, new float[] {0.5f, -1.5f, 1.0f, 2.0f, -0.5f, 0.0f}, 2, 3);
    }

    @Test
    void hasKerasName() {
        assertEquals("log_softmax", f.name());
    }
}
