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

class SeparableConv2DTest {
    @Test
    void isADepthwiseConvolutionFollowedByAPointwiseOne() {
        SeparableConv2D sep = SeparableConv2D.builder(3, 2).depthMultiplier(2).padding("same").build();
        DepthwiseConv2D depthwise = DepthwiseConv2D.builder(2).depthMultiplier(2).padding("same").useBias(false).build();
        Conv2D pointwise = new Conv2D(3, 1);
        Shape sample = Shape.of(4, 5, 2);
        sep.build(sample, false);
        depthwise.build(sample, false);
        pointwise.build(Shape.of(4, 5, 4), false);
        System.arraycopy(sep.depthwiseKernel().value().data(), 0, depthwise.kernel().value().data(), 0, 16);
        System.arraycopy(sep.pointwiseKernel().value().data(), 0, pointwise.kernel().value().data(), 0, 12);
        float[] bias = {0.5f, -1f, 2f};
        System.arraycopy(bias, 0, sep.bias().value().data(), 0, 3);
        System.arraycopy(bias, 0, pointwise.bias().value().data(), 0, 3);
        Tensor x = Tensor.zeros(sample.withBatch(2));
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i * 1.3);
        }
        float[] expected = pointwise.call(depthwise.call(x, false), false).data().clone();
        assertArrayEquals(expected, sep.call(x, false).data(), 1e-5f);
    }

    @Test
    void hasKerasDefaultsWeightNamesShapesAndParameterCount() {
        SeparableConv2D sep = new SeparableConv2D(8, 3, "relu");
        SeparableConv2D.Config c = sep.config();
        assertEquals(8, c.filters());
        assertEquals(List.of(3, 3), c.kernelSize());
        assertEquals(List.of(1, 1), c.strides());
        assertEquals(List.of(1, 1), c.dilationRate());
        assertEquals(Padding.VALID, c.padding());
        assertEquals(1, c.depthMultiplier());
        assertEquals("relu", c.activation().name());
        assertEquals("glorot_uniform", c.depthwiseInitializer().name());
        assertEquals("glorot_uniform", c.pointwiseInitializer().name());
        assertEquals("zeros", c.biasInitializer().name());
        assertTrue(c.useBias());
        assertEquals("SeparableConv2D", sep.className());
        assertTrue(sep.name().startsWith("separable_conv2d"), sep.name());
        sep.build(Shape.of(28, 28, 4), false);
        assertEquals(List.of("depthwise_kernel", "pointwise_kernel", "bias"),
                sep.parameters().stream().map(p -> p.name()).toList());
        assertEquals(Shape.of(3, 3, 4, 1), sep.depthwiseKernel().shape());
        assertEquals(Shape.of(1, 1, 4, 8), sep.pointwiseKernel().shape());
        assertEquals(Shape.of(8), sep.bias().shape());
        assertEquals(3 * 3 * 4 + 4 * 8 + 8, sep.countParams());
        SeparableConv2D noBias = SeparableConv2D.builder(5, 2, 3).depthMultiplier(2).useBias(false).build();
        noBias.build(Shape.of(6, 6, 3), false);
        assertNull(noBias.bias());
        assertEquals(Shape.of(1, 1, 6, 5), noBias.pointwiseKernel().shape());
        assertEquals(2 * 3 * 3 * 2 + 6 * 5, noBias.countParams());
    }

    @Test
    void outputShapesFollowKeras() {
        assertEquals(Shape.of(26, 26, 8), new SeparableConv2D(8, 3).outputShape(Shape.of(28, 28, 4)));
        assertEquals(Shape.of(4, 3, 5), SeparableConv2D.builder(5, 3).padding("same").strides(2).depthMultiplier(3)
                .build().outputShape(Shape.of(7, 6, 2)));
        assertEquals(Shape.of(5, 4, 3), SeparableConv2D.builder(3, 2).strides(2).dilationRate(2).padding("same")
                .build().outputShape(Shape.of(9, 8, 2)));
    }

    @Test
    void configsAreValuesAndValidated() {
        assertEquals(SeparableConv2D.builder(4, 3).padding("same").config(),
                SeparableConv2D.builder(4, 3).padding("SAME").config());
        assertNotEquals(SeparableConv2D.builder(4, 3).config(),
                SeparableConv2D.builder(4, 3).pointwiseInitializer("he_normal").config());
        assertThrows(IllegalArgumentException.class, () -> new SeparableConv2D(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new SeparableConv2D(4, 0));
        assertThrows(IllegalArgumentException.class, () -> SeparableConv2D.builder(4, 3).padding("causal").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeparableConv2D.builder(4, 3).depthMultiplier(-1).build());
        assertTrue(e.getMessage().contains("depth_multiplier") && e.getMessage().contains("SeparableConv2D"),
                e.getMessage());
    }

    @Test
    void gradientsMatchNumerical() {
        SeedGenerator.setGlobalSeed(6);
        LayerGradientCheck.check(new SeparableConv2D(3, 3, "tanh"), Shape.of(5, 4, 2), 2, 21, true);
        LayerGradientCheck.check(SeparableConv2D.builder(2, 3).padding("same").strides(2).depthMultiplier(2).build(),
                Shape.of(5, 6, 2), 2, 22, true);
        LayerGradientCheck.check(SeparableConv2D.builder(2, 2, 3).dilationRate(2, 1).padding("same").useBias(false)
                .activation("sigmoid").build(), Shape.of(5, 5, 3), 2, 23, true);
        LayerGradientCheck.check(SeparableConv2D.builder(3, 2).strides(2).dilationRate(2).depthMultiplier(2).build(),
                Shape.of(6, 7, 2), 1, 24, true);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> new SeparableConv2D(4, 3, "relu"), Shape.of(6, 5, 2), Shape.of(4, 3, 4),
                3 * 3 * 2 + 2 * 4 + 4);
        LayerContract.check(() -> SeparableConv2D.builder(3, 2).strides(2).padding("same").depthMultiplier(2).build(),
                Shape.of(5, 5, 1), Shape.of(3, 3, 3), 2 * 2 * 2 + 2 * 3 + 3);
    }

    @Test
    void rejectsBadInputsNamingLayerAndShapes() {
        Layer sep = new SeparableConv2D(4, 3).named("s1");
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> sep.call(Tensor.zeros(2, 28, 28), false));
        assertTrue(rank.getMessage().contains("\"s1\"") && rank.getMessage().contains("(None, 28, 28)")
                && rank.getMessage().contains("ndim=4"), rank.getMessage());
        sep.build(Shape.of(8, 8, 3), false);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> sep.call(Tensor.zeros(2, 8, 8, 1), false));
        assertTrue(channels.getMessage().contains("\"s1\"") && channels.getMessage().contains("value 3")
                && channels.getMessage().contains("(None, 8, 8, 1)"), channels.getMessage());
        Layer small = SeparableConv2D.builder(4, 3, 5).build().named("s2");
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> small.call(Tensor.zeros(2, 6, 4, 1), false));
        assertTrue(tooSmall.getMessage().contains("\"s2\"") && tooSmall.getMessage().contains("(None, 6, 4, 1)")
                && tooSmall.getMessage().contains("[3, 5, 1, 1]"), tooSmall.getMessage());
    }
}
