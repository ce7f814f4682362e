package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthwiseConv2DTest {
    @Test
    void convolvesEachChannelWithItsOwnFiltersInKerasChannelOrder() {
        DepthwiseConv2D conv = DepthwiseConv2D.builder(1, 2).depthMultiplier(2).useBias(false).build();
        conv.build(Shape.of(1, 3, 2), false);
        // kernel [1, 2, 2, 2]: tap q, channel c, multiplier m
        float[] k = conv.kernel().value().data();
        float[] values = {1, 10, 100, 1000, 2, 20, 200, 2000};
        System.arraycopy(values, 0, k, 0, k.length);
        // x [1, 1, 3, 2]: pixel w, channel c
        Tensor x = new Tensor(Shape.of(1, 1, 3, 2), new float[] {1, 2, 3, 4, 5, 6});
        Tensor y = conv.call(x, false);
        assertEquals(Shape.of(1, 1, 2, 4), y.shape());
        // output channel c·2 + m = x[w, c]·k[0, c, m] + x[w+1, c]·k[1, c, m]
        assertArrayEquals(new float[] {
                1 * 1 + 3 * 2, 1 * 10 + 3 * 20, 2 * 100 + 4 * 200, 2 * 1000 + 4 * 2000,
                3 * 1 + 5 * 2, 3 * 10 + 5 * 20, 4 * 100 + 6 * 200, 4 * 1000 + 6 * 2000}, y.data(), 1e-3f);
    }

    @Test
    void hasKerasDefaultsWeightShapesAndParameterCount() {
        DepthwiseConv2D conv = new DepthwiseConv2D(3);
        DepthwiseConv2D.Config c = conv.config();
        assertEquals(List.of(3, 3), c.kernelSize());
        assertEquals(List.of(1, 1), c.strides());
        assertEquals(List.of(1, 1), c.dilationRate());
        assertEquals(Padding.VALID, c.padding());
        assertEquals(1, c.depthMultiplier());
        assertEquals("linear", c.activation().name());
        assertEquals("glorot_uniform", c.depthwiseInitializer().name());
        assertEquals("zeros", c.biasInitializer().name());
        assertTrue(c.useBias());
        assertEquals("DepthwiseConv2D", conv.className());
        assertTrue(conv.name().startsWith("depthwise_conv2d"), conv.name());
        conv.build(Shape.of(28, 28, 4), false);
        assertEquals("kernel", conv.parameters().get(0).name());
        assertEquals(Shape.of(3, 3, 4, 1), conv.kernel().shape());
        assertEquals(Shape.of(4), conv.bias().shape());
        assertEquals(3 * 3 * 4 + 4, conv.countParams());
        DepthwiseConv2D noBias = DepthwiseConv2D.builder(3, 5).depthMultiplier(3).useBias(false).build();
        noBias.build(Shape.of(10, 10, 2), false);
        assertNull(noBias.bias());
        assertEquals(Shape.of(3, 5, 2, 3), noBias.kernel().shape());
        assertEquals(3 * 5 * 2 * 3, noBias.countParams());
    }

    @Test
    void outputShapesFollowKeras() {
        assertEquals(Shape.of(26, 26, 4), new DepthwiseConv2D(3).outputShape(Shape.of(28, 28, 4)));
        assertEquals(Shape.of(4, 3, 6), DepthwiseConv2D.builder(3).padding("same").strides(2).depthMultiplier(3).build()
                .outputShape(Shape.of(7, 6, 2)));
        assertEquals(Shape.of(24, 22, 1), DepthwiseConv2D.builder(3).dilationRate(2, 3).build()
                .outputShape(Shape.of(28, 28, 1)));
        // Keras 3 allows strides and dilation together here (it subsamples the dilated convolution)
        assertEquals(Shape.of(3, 3, 2), DepthwiseConv2D.builder(3).strides(2).dilationRate(2).build()
                .outputShape(Shape.of(9, 9, 2)));
    }

    @Test
    void configsAreValuesAndValidated() {
        assertEquals(DepthwiseConv2D.builder(3).padding("same").config(),
                DepthwiseConv2D.builder(3).padding("SAME").config());
        assertNotEquals(DepthwiseConv2D.builder(3).config(), DepthwiseConv2D.builder(3).depthMultiplier(2).config());
        assertThrows(IllegalArgumentException.class, () -> new DepthwiseConv2D(0));
        assertThrows(IllegalArgumentException.class, () -> DepthwiseConv2D.builder(3).padding("causal").build());
        assertThrows(IllegalArgumentException.class, () -> DepthwiseConv2D.builder(3).strides(0).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DepthwiseConv2D.builder(3).depthMultiplier(0).build());
        assertTrue(e.getMessage().contains("depth_multiplier") && e.getMessage().contains("DepthwiseConv2D"),
                e.getMessage());
    }

    @Test
    void gradientsMatchNumerical() {
        SeedGenerator.setGlobalSeed(5);
        LayerGradientCheck.check(DepthwiseConv2D.builder(3).activation("tanh").build(), Shape.of(5, 4, 2), 2, 11, true);
        LayerGradientCheck.check(DepthwiseConv2D.builder(3).padding("same").strides(2).depthMultiplier(2).build(),
                Shape.of(5, 6, 2), 2, 12, true);
        LayerGradientCheck.check(DepthwiseConv2D.builder(2, 3).dilationRate(2, 1).padding("same").useBias(false)
                .activation("sigmoid").build(), Shape.of(5, 5, 3), 2, 13, true);
        LayerGradientCheck.check(DepthwiseConv2D.builder(3).strides(2).dilationRate(2).depthMultiplier(3).build(),
                Shape.of(7, 6, 2), 1, 14, true);
        LayerGradientCheck.check(DepthwiseConv2D.builder(4).padding("same").depthMultiplier(2).build(),
                Shape.of(3, 5, 1), 2, 15, true);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> DepthwiseConv2D.builder(3).activation("relu").build(), Shape.of(6, 5, 2),
                Shape.of(4, 3, 2), 3 * 3 * 2 + 2);
        LayerContract.check(() -> DepthwiseConv2D.builder(2).strides(2).padding("same").depthMultiplier(2).build(),
                Shape.of(5, 5, 3), Shape.of(3, 3, 6), 2 * 2 * 3 * 2 + 6);
    }

    @Test
    void rejectsWrongRankNamingLayerAndShape() {
        Layer conv = new DepthwiseConv2D(3).named("d1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 28, 28), false));
        assertTrue(e.getMessage().contains("\"d1\"") && e.getMessage().contains("(None, 28, 28)")
                && e.getMessage().contains("ndim=4"), e.getMessage());
    }

    @Test
    void rejectsChannelMismatchAfterBuild() {
        Layer conv = new DepthwiseConv2D(3).named("d2");
        conv.build(Shape.of(8, 8, 3), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 8, 8, 1), false));
        assertTrue(e.getMessage().contains("\"d2\"") && e.getMessage().contains("value 3")
                && e.getMessage().contains("(None, 8, 8, 1)"), e.getMessage());
    }

    @Test
    void rejectsKernelLargerThanValidInput() {
        Layer conv = DepthwiseConv2D.builder(3, 5).depthMultiplier(2).build().named("d3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 6, 4, 1), false));
        assertTrue(e.getMessage().contains("\"d3\"") && e.getMessage().contains("(None, 6, 4, 1)")
                && e.getMessage().contains("[3, 5, 1, 2]") && e.getMessage().contains("zero or negative"),
                e.getMessage());
        assertEquals(Shape.of(6, 4, 2), DepthwiseConv2D.builder(3, 5).padding("same").depthMultiplier(2).build()
                .outputShape(Shape.of(6, 4, 1)));
    }
}
