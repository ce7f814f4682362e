package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import org.junit.jupiter.api.Test;

/** SpatialDropout1D/2D and GaussianNoise: whole-channel masks, seeding, inference identity, gradients. */
class NoiseAndSpatialDropoutTest {
    private static Tensor ones(int... dims) {
        return Tensor.full(Shape.of(dims), 1f);
    }

    @Test
    void spatialDropout1DDropsWholeChannelsAndScalesTheRest() {
        SpatialDropout1D layer = new SpatialDropout1D(0.5f, 7L);
        Tensor y = layer.call(ones(8, 5, 6), true);
        int dropped = 0;
        for (int b = 0; b < 8; b++) {
            for (int c = 0; c < 6; c++) {
                float first = y.data()[(b * 5) * 6 + c];
                assertTrue(first == 0f || first == 2f, "value " + first);
                dropped += first == 0f ? 1 : 0;
                for (int t = 1; t < 5; t++) {
                    assertEquals(first, y.data()[(b * 5 + t) * 6 + c], "same mask along time");
                }
            }
        }
        assertTrue(dropped > 8 && dropped < 40, "dropped " + dropped + " of 48 channels");
    }

    @Test
    void spatialDropout2DChannelsLastAndFirst() {
        Tensor y = new SpatialDropout2D(0.5f, 3L).call(ones(4, 3, 2, 5), true);
        for (int b = 0; b < 4; b++) {
            for (int c = 0; c < 5; c++) {
                float first = y.data()[b * 30 + c];
                for (int p = 1; p < 6; p++) {
                    assertEquals(first, y.data()[b * 30 + p * 5 + c]);
                }
            }
        }
        var config = new SpatialDropout2D.Config(0.5f, "channels_first", 3L);
        Tensor z = new SpatialDropout2D(config).call(ones(4, 5, 3, 2), true);
        for (int b = 0; b < 4; b++) {
            for (int c = 0; c < 5; c++) {
                float first = z.data()[(b * 5 + c) * 6];
                for (int p = 1; p < 6; p++) {
                    assertEquals(first, z.data()[(b * 5 + c) * 6 + p]);
                }
            }
        }
    }

    @Test
    void seededLayersRepeatAndInferenceIsIdentity() {
        Tensor x = ones(3, 4, 5);
        assertArrayEquals(new SpatialDropout1D(0.3f, 9L).call(x, true).data(),
                new SpatialDropout1D(0.3f, 9L).call(x, true).data());
        assertArrayEquals(new GaussianNoise(0.3f, 9L).call(x, true).data(),
                new GaussianNoise(0.3f, 9L).call(x, true).data());
        assertSame(x, new SpatialDropout1D(0.3f).call(x, false));
        assertSame(x, new GaussianNoise(0.3f).call(x, false));
        assertSame(x, new GaussianNoise(0f).call(x, true));
    }

    @Test
    void gaussianNoiseHasTheRequestedSpread() {
        Tensor x = Tensor.zeros(200, 100);
        Tensor y = new GaussianNoise(0.5f, 1L).call(x, true);
        double sum = 0;
        double squares = 0;
        for (float v : y.data()) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / y.size();
        double std = Math.sqrt(squares / y.size() - mean * mean);
        assertEquals(0, mean, 0.02);
        assertEquals(0.5, std, 0.02);
    }

    @Test
    void gradientsFollowTheMaskOrPassThrough() {
        Tensor x = ones(2, 3, 4);
        x.markRequiresGrad();
        SpatialDropout1D dropout = new SpatialDropout1D(0.5f, 5L);
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = dropout.call(x, true);
            java.util.Arrays.fill(y.grad(), 1f);
            tape.backward();
            assertArrayEquals(y.data(), x.grad(), "d(x·mask)/dx = mask");
        }
        x.zeroGrad();
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = new GaussianNoise(0.2f, 5L).call(x, true);
            java.util.Arrays.fill(y.grad(), 2f);
            tape.backward();
            for (float g : x.grad()) {
                assertEquals(2f, g);
            }
        }
    }

    @Test
    void contracts() {
        LayerContract.check(() -> new SpatialDropout1D(0.2f, 1L), Shape.of(3, 4), Shape.of(3, 4), 0);
        LayerContract.check(() -> new SpatialDropout2D(0.2f, 1L), Shape.of(2, 2, 3), Shape.of(2, 2, 3), 0);
        LayerContract.check(() -> new GaussianNoise(0.1f, 1L), Shape.of(4), Shape.of(4), 0);
    }

    @Test
    void rejectsWrongRankNamingLayerAndShape() {
        SpatialDropout1D d1 = (SpatialDropout1D) new SpatialDropout1D(0.2f).named("sd1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d1.call(Tensor.zeros(2, 4), true));
        assertTrue(e.getMessage().contains("\"sd1\"") && e.getMessage().contains("ndim=3")
                && e.getMessage().contains("(None, 4)"), e.getMessage());
        SpatialDropout2D d2 = (SpatialDropout2D) new SpatialDropout2D(0.2f).named("sd2");
        e = assertThrows(IllegalArgumentException.class, () -> d2.call(Tensor.zeros(2, 4, 3), true));
        assertTrue(e.getMessage().contains("\"sd2\"") && e.getMessage().contains("ndim=4")
                && e.getMessage().contains("(None, 4, 3)"), e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SpatialDropout1D(1f));
        assertThrows(IllegalArgumentException.class, () -> new SpatialDropout2D(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> new SpatialDropout2D(new SpatialDropout2D.Config(0.1f, "nchw", null)));
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(1.5f));
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-0.1f));
    }
}
