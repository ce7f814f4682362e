package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.losses.BinaryCrossentropy;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class Conv2DTest {
    @Test
    void computesCrossCorrelationOnASmallImage() {
        Conv2D conv = Conv2D.builder(1, 2).useBias(false).build();
        conv.build(Shape.of(3, 3, 1), false);
        System.arraycopy(new float[] {1, 2, 3, 4}, 0, conv.kernel().value().data(), 0, 4);
        Tensor x = new Tensor(Shape.of(1, 3, 3, 1), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Tensor y = conv.call(x, false);
        // y[0,0] = 1*1 + 2*2 + 4*3 + 5*4 = 37, and so on
        assertEquals(Shape.of(1, 2, 2, 1), y.shape());
        assertArrayEquals(new float[] {37, 47, 67, 77}, y.data(), 1e-5f);
    }

    @Test
    void hasKerasDefaultsWeightShapesAndParameterCount() {
        Conv2D conv = new Conv2D(32, 3, "relu");
        Conv2D.Config c = conv.config();
        assertEquals(List.of(3, 3), c.kernelSize());
        assertEquals(List.of(1, 1), c.strides());
        assertEquals(List.of(1, 1), c.dilationRate());
        assertEquals(Padding.VALID, c.padding());
        assertEquals("relu", c.activation().name());
        assertEquals("glorot_uniform", c.kernelInitializer().name());
        assertEquals("zeros", c.biasInitializer().name());
        assertTrue(c.useBias());
        assertEquals("Conv2D", conv.className());
        assertTrue(conv.name().startsWith("conv2d"), conv.name());
        conv.build(Shape.of(28, 28, 1), false);
        assertEquals(Shape.of(3, 3, 1, 32), conv.kernel().shape());
        assertEquals(Shape.of(32), conv.bias().shape());
        assertEquals(320, conv.countParams());
        assertEquals(Shape.of(26, 26, 32), conv.outputShape(Shape.of(28, 28, 1)));
        Conv2D noBias = Conv2D.builder(8, 3, 5).useBias(false).build();
        noBias.build(Shape.of(10, 10, 2), false);
        assertNull(noBias.bias());
        assertEquals(3 * 5 * 2 * 8, noBias.countParams());
    }

    @Test
    void outputShapesFollowKeras() {
        assertEquals(Shape.of(14, 14, 4), Conv2D.builder(4, 3).padding("same").strides(2).build()
                .outputShape(Shape.of(28, 28, 1)));
        assertEquals(Shape.of(4, 3, 4), Conv2D.builder(4, 3).padding("same").strides(2).build()
                .outputShape(Shape.of(7, 6, 1)));
        assertEquals(Shape.of(13, 13, 4), Conv2D.builder(4, 3).strides(2).build().outputShape(Shape.of(28, 28, 1)));
        assertEquals(Shape.of(24, 22, 4), Conv2D.builder(4, 3).dilationRate(2, 3).build()
                .outputShape(Shape.of(28, 28, 1)));
        assertEquals(Shape.of(5, 7, 2), Conv2D.builder(2, 2, 3).padding("same").build().outputShape(Shape.of(5, 7, 3)));
    }

    @Test
    void configsAreValuesAndValidated() {
        assertEquals(Conv2D.builder(4, 3).padding("same").config(), Conv2D.builder(4, 3).padding("SAME").config());
        assertNotEquals(Conv2D.builder(4, 3).config(), Conv2D.builder(4, 3, 2).config());
        assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Conv2D(4, 0));
        assertThrows(IllegalArgumentException.class, () -> Conv2D.builder(4, 3).padding("causal").build());
        assertThrows(IllegalArgumentException.class, () -> Conv2D.builder(4, 3).padding("full"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2D.builder(4, 3).strides(2).dilationRate(2).build());
        assertTrue(e.getMessage().contains("dilation_rate"), e.getMessage());
    }

    @Test
    void gradientsMatchNumerical() {
        SeedGenerator.setGlobalSeed(5);
        LayerGradientCheck.check(new Conv2D(3, 3, "tanh"), Shape.of(5, 4, 2), 2, 11, true);
        LayerGradientCheck.check(Conv2D.builder(2, 3).padding("same").strides(2).build(), Shape.of(5, 6, 2), 2, 12, true);
        LayerGradientCheck.check(Conv2D.builder(2, 2, 3).dilationRate(2, 1).padding("same").useBias(false)
                .activation("sigmoid").build(), Shape.of(5, 5, 3), 2, 13, true);
        LayerGradientCheck.check(new Conv2D(3, 1, "softmax"), Shape.of(2, 3, 4), 2, 14, true);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> new Conv2D(4, 3, "relu"), Shape.of(6, 5, 2), Shape.of(4, 3, 4), 3 * 3 * 2 * 4 + 4);
        LayerContract.check(() -> Conv2D.builder(3, 2).strides(2).padding("same").build(), Shape.of(5, 5, 1),
                Shape.of(3, 3, 3), 2 * 2 * 3 + 3);
    }

    @Test
    void trainsInsideASequentialOverSeveralSteps() {
        SeedGenerator.setGlobalSeed(7);
        int n = 16;
        float[] x = new float[n * 6 * 6];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            boolean vertical = i % 2 == 0;
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    x[i * 36 + r * 6 + c] = (vertical ? c == 2 + i % 3 : r == 2 + i % 3) ? 1f : 0f;
                }
            }
            y[i][0] = vertical ? 1 : 0;
        }
        Sequential model = new Sequential(Input.shape(6, 6, 1), new Conv2D(4, 3, "relu"), new Flatten(),
                new Dense(1, "sigmoid"));
        model.compile(new BinaryCrossentropy(), Adam.builder().learningRate(0.01f).build());
        var history = model.fit(new Tensor(Shape.of(n, 6, 6, 1), x), Tensor.of(y),
                FitOptions.builder().epochs(40).batchSize(8).verbose(0).build());
        List<Double> loss = history.history().get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.25 * loss.get(0), "loss " + loss.get(0) + " -> " + loss.get(loss.size() - 1));
    }

    @Test
    void rejectsWrongRankNamingLayerAndShape() {
        Conv2D conv = (Conv2D) new Conv2D(4, 3).named("c1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 28, 28), false));
        assertTrue(e.getMessage().contains("\"c1\"") && e.getMessage().contains("(None, 28, 28)")
                && e.getMessage().contains("ndim=4"), e.getMessage());
    }

    @Test
    void rejectsChannelMismatchAfterBuild() {
        Conv2D conv = (Conv2D) new Conv2D(4, 3).named("c2");
        conv.build(Shape.of(8, 8, 3), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 8, 8, 1), false));
        assertTrue(e.getMessage().contains("\"c2\"") && e.getMessage().contains("value 3")
                && e.getMessage().contains("(None, 8, 8, 1)"), e.getMessage());
    }

    @Test
    void rejectsKernelLargerThanValidInput() {
        Conv2D conv = (Conv2D) Conv2D.builder(4, 3, 5).build().named("c3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 6, 4, 1), false));
        assertTrue(e.getMessage().contains("\"c3\"") && e.getMessage().contains("(None, 6, 4, 1)")
                && e.getMessage().contains("[3, 5, 1, 4]"), e.getMessage());
        IllegalArgumentException dilated = assertThrows(IllegalArgumentException.class,
                () -> Conv2D.builder(4, 3).dilationRate(3).build().outputShape(Shape.of(6, 6, 1)));
        assertTrue(dilated.getMessage().contains("zero or negative"), dilated.getMessage());
        // the same input is fine with 'same' padding
        assertEquals(Shape.of(6, 4, 4), Conv2D.builder(4, 3, 5).padding("same").build().outputShape(Shape.of(6, 4, 1)));
    }
}
