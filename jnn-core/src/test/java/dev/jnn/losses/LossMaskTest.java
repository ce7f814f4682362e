package dev.jnn.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Keras's output masks: masked positions count for nothing and the mean is over the kept ones. */
class LossMaskTest {
    // [batch 2, time 2, units 2]: four positions
    private final Tensor yPred = new Tensor(Shape.of(2, 2, 2), new float[] {1, 2, 3, 4, 5, 6, 7, 8});
    private final Tensor yTrue = new Tensor(Shape.of(2, 2, 2), new float[] {0, 0, 0, 0, 0, 0, 0, 0});

    @Test
    void theMeanRunsOverKeptPositionsOnly() {
        float[] mask = {1, 0, 1, 0};
        float value = Losses.get("mse").compute(yTrue, yPred, null, mask, null);
        // position losses: (1+4)/2, (9+16)/2, (25+36)/2, (49+64)/2 -> kept 2.5 and 30.5 -> mean 16.5
        assertEquals(16.5f, value, 1e-5f);
    }

    @Test
    void maskedPositionsGetNoGradientAndKeptOnesTheMeanOverKept() {
        float[] mask = {0, 1, 1, 0};
        float[] grad = new float[8];
        Losses.get("mse").compute(yTrue, yPred, null, mask, grad);
        // d/dy of mean over 2 kept positions of (sum_u y_u^2 / 2) = y / 2
        assertArrayEquals(new float[] {0, 0, 1.5f, 2f, 2.5f, 3f, 0, 0}, grad, 1e-6f);
    }

    @Test
    void sampleWeightsAndMaskMultiply() {
        float[] mask = {1, 1, 1, 0};
        float value = Losses.get("mse").compute(yTrue, yPred, new float[] {2, 0}, mask, null);
        // kept: (2.5*2 + 12.5*2 + 30.5*0) / 3
        assertEquals((5f + 25f) / 3f, value, 1e-5f);
    }

    @Test
    void anAllMaskedBatchHasLossZero() {
        assertEquals(0f, Losses.get("mse").compute(yTrue, yPred, null, new float[4], null));
    }

    @Test
    void aMaskOfTheWrongSizeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Losses.get("mse").compute(yTrue, yPred, null, new float[3], null));
        assertEquals(true, e.getMessage().contains("3 entries for 4 loss positions"), e.getMessage());
    }
}
