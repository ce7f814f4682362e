package dev.jnn.activations;

import static dev.jnn.activations.ActivationChecks.assertGradient;
import static dev.jnn.activations.ActivationChecks.assertMatchesKeras;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    /** Three rows of four: huge logits (overflow without the max shift), mixed, and very negative. */
    static final float[] LOGITS = {1000f, 1001f, 999f, -1000f, -3f, 0.5f, 0f, 2f, -50f, -49f, -51f, -50.5f};
    // keras.activations.softmax(LOGITS.reshape(3, 4)), Keras 3.15.1 (torch backend).
    private static final float[] KERAS = {
            0.244728476f, 0.665240943f, 0.0900305733f, 0f, 0.0049354895f, 0.163440973f, 0.0991319567f,
            0.732491612f, 0.213097319f, 0.579258561f, 0.0783941224f, 0.129250064f
    };

    private final Softmax f = new Softmax();

    @Test
    void matchesKerasPerRow() {
        assertMatchesKeras(f, LOGITS, KERAS, 3, 4);
    }

    @Test
    void matchesFormulaInDouble() {
        var random = new Random(3);
        int rows = 5;
        int cols = 7;
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
                double expected = Math.exp(x[r * cols + c]) / sum;
                assertEquals(expected, y[r * cols + c], 1e-6 * expected + 1e-12);
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
    void singleColumnRowsAreOne() {
        float[] y = ActivationChecks.forward(f, new float[] {-7f, 0f, 300f}, 3, 1);
        assertEquals(1f, y[0]);
        assertEquals(1f, y[1]);
        assertEquals(1f, y[2]);
    }

    @Test
    void largeBlocksSharedAmongThreadsGiveTheOneCallBits() {
        // 1000 rows: cut into row tasks (SoftmaxRows); narrow and wide rows; each row must come out as the
        // element-wise kernel computes it in one call.
        for (int cols : new int[] {10, 37}) {
            var random = new Random(cols);
            int rows = 1000;
            float[] x = new float[rows * cols];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextGaussian() * 5);
            }
            float[] expected = new float[x.length];
            dev.jnn.kernels.ElementwiseKernels.get().softmaxRows(x, 0, expected, 0, rows, cols);
            float[] y = new float[x.length];
            f.forward(x, y, rows, cols);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, y, "cols=" + cols);
        }
    }

    @Test
    void hasKerasName() {
        assertEquals("softmax", f.name());
    }
}
