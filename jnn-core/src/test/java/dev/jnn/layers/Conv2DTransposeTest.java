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

class Conv2DTransposeTest {
    @Test
    void scattersEachPixelTimesTheKernel() {
        Conv2DTranspose conv = Conv2DTranspose.builder(1, 2).strides(2).useBias(false).build();
        conv.build(Shape.of(1, 2, 1), false);
        System.arraycopy(new float[] {1, 2, 3, 4}, 0, conv.kernel().value().data(), 0, 4);
        Tensor y = conv.call(new Tensor(Shape.of(1, 1, 2, 1), new float[] {1, 2}), false);
        assertEquals(Shape.of(1, 2, 4, 1), y.shape());
        assertArrayEquals(new float[] {1, 2, 2, 4, 3, 4, 6, 8}, y.data(), 1e-6f);
    }

    @Test
    void hasKerasDefaultsWeightShapesAndParameterCount() {
        Conv2DTranspose conv = new Conv2DTranspose(8, 3, "relu");
        Conv2DTranspose.Config c = conv.config();
        assertEquals(List.of(3, 3), c.kernelSize());
        assertEquals(List.of(1, 1), c.strides());
        assertEquals(List.of(1, 1), c.dilationRate());
        assertEquals(Padding.VALID, c.padding());
        assertNull(c.outputPadding());
        assertEquals("relu", c.activation().name());
        assertEquals("glorot_uniform", c.kernelInitializer().name());
        assertEquals("zeros", c.biasInitializer().name());
        assertTrue(c.useBias());
        assertEquals("Conv2DTranspose", conv.className());
        assertTrue(conv.name().startsWith("conv2d_transpose"), conv.name());
        conv.build(Shape.of(5, 5, 4), false);
        assertEquals(Shape.of(3, 3, 8, 4), conv.kernel().shape()); // filters before input channels, as Keras
        assertEquals(Shape.of(8), conv.bias().shape());
        assertEquals(3 * 3 * 8 * 4 + 8, conv.countParams());
        Conv2DTranspose noBias = Conv2DTranspose.builder(2, 3, 1).useBias(false).build();
        noBias.build(Shape.of(4, 4, 5), false);
        assertNull(noBias.bias());
        assertEquals(3 * 1 * 2 * 5, noBias.countParams());
    }

    @Test
    void outputShapesFollowKerasDeconvOutputLength() {
        Shape in = Shape.of(5, 4, 1);
        assertEquals(Shape.of(7, 6, 2), new Conv2DTranspose(2, 3).outputShape(in));
        assertEquals(Shape.of(11, 9, 2), Conv2DTranspose.builder(2, 3).strides(2).build().outputShape(in));
        assertEquals(Shape.of(10, 8, 2), Conv2DTranspose.builder(2, 3).strides(2).padding("same").build().outputShape(in));
        assertEquals(Shape.of(10, 8, 2), Conv2DTranspose.builder(2, 3).strides(2).padding("same").outputPadding(1)
                .build().outputShape(in));
        assertEquals(Shape.of(9, 7, 2), Conv2DTranspose.builder(2, 3).strides(2).padding("same").outputPadding(0)
                .build().outputShape(in));
        // valid with kernel < stride: output_padding defaults to stride - kernel
        assertEquals(Shape.of(15, 12, 2), Conv2DTranspose.builder(2, 2).strides(3).build().outputShape(in));
        assertEquals(Shape.of(14, 11, 2), Conv2DTranspose.builder(2, 2).strides(3).outputPadding(0).build()
                .outputShape(in));
        assertEquals(Shape.of(9, 8, 2), Conv2DTranspose.builder(2, 3).dilationRate(2).build().outputShape(in));
        assertEquals(15, Conv2DTranspose.outputLength(5, 4, 3, 1, Padding.SAME, null));
        assertEquals(13, Conv2DTranspose.outputLength(5, 4, 3, 1, Padding.SAME, 1));
    }

    @Test
    void configsAreValuesAndValidated() {
        assertEquals(Conv2DTranspose.builder(4, 3).padding("same").config(),
                Conv2DTranspose.builder(4, 3).padding("SAME").config());
        assertNotEquals(Conv2DTranspose.builder(4, 3).strides(2).config(),
                Conv2DTranspose.builder(4, 3).strides(2).outputPadding(0).config());
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(4, 0));
        assertThrows(IllegalArgumentException.class, () -> Conv2DTranspose.builder(4, 3).padding("causal").build());
        IllegalArgumentException op = assertThrows(IllegalArgumentException.class,
                () -> Conv2DTranspose.builder(4, 3).strides(2).outputPadding(2).build());
        assertTrue(op.getMessage().contains("output_padding") && op.getMessage().contains("strides"), op.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conv2DTranspose.builder(4, 3).outputPadding(-1, 0).build());
        IllegalArgumentException dilation = assertThrows(IllegalArgumentException.class,
                () -> Conv2DTranspose.builder(4, 3).strides(2).dilationRate(2).build());
        assertTrue(dilation.getMessage().contains("dilation_rate"), dilation.getMessage());
    }

    @Test
    void gradientsMatchNumerical() {
        SeedGenerator.setGlobalSeed(7);
        LayerGradientCheck.check(new Conv2DTranspose(3, 3, "tanh"), Shape.of(3, 2, 2), 2, 31, true);
        LayerGradientCheck.check(Conv2DTranspose.builder(2, 3).strides(2).padding("same").build(),
                Shape.of(3, 4, 2), 2, 32, true);
        LayerGradientCheck.check(Conv2DTranspose.builder(2, 3).strides(2).padding("same").outputPadding(1, 0).build(),
                Shape.of(3, 3, 2), 2, 33, true);
        LayerGradientCheck.check(Conv2DTranspose.builder(2, 2, 3).dilationRate(2).padding("same").useBias(false)
                .activation("sigmoid").build(), Shape.of(3, 4, 3), 2, 34, true);
        LayerGradientCheck.check(Conv2DTranspose.builder(2, 2, 3).strides(3, 2).outputPadding(1, 0).build(),
                Shape.of(2, 3, 2), 1, 35, true);
        LayerGradientCheck.check(new Conv2DTranspose(3, 1, "softmax"), Shape.of(2, 3, 4), 2, 36, true);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> new Conv2DTranspose(4, 3, "relu"), Shape.of(3, 2, 2), Shape.of(5, 4, 4),
                3 * 3 * 4 * 2 + 4);
        LayerContract.check(() -> Conv2DTranspose.builder(3, 2).strides(2).padding("same").build(), Shape.of(3, 3, 1),
                Shape.of(6, 6, 3), 2 * 2 * 3 + 3);
    }

    @Test
    void rejectsBadInputsNamingLayerAndShapes() {
        Layer conv = new Conv2DTranspose(4, 3).named("t1");
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 8, 8), false));
        assertTrue(rank.getMessage().contains("\"t1\"") && rank.getMessage().contains("(None, 8, 8)")
                && rank.getMessage().contains("ndim=4"), rank.getMessage());
        conv.build(Shape.of(8, 8, 3), false);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 8, 8, 1), false));
        assertTrue(channels.getMessage().contains("\"t1\"") && channels.getMessage().contains("value 3")
                && channels.getMessage().contains("(None, 8, 8, 1)"), channels.getMessage());
        // 'same' with an even kernel and output_padding 0 gives (in-1)·s, which TensorFlow rejects too
        Layer even = Conv2DTranspose.builder(2, 2).strides(2).padding("same").outputPadding(0).build().named("t2");
        IllegalArgumentException incompatible = assertThrows(IllegalArgumentException.class,
                () -> even.call(Tensor.zeros(1, 3, 3, 2), false));
        assertTrue(incompatible.getMessage().contains("\"t2\"") && incompatible.getMessage().contains("(None, 3, 3, 2)")
                && incompatible.getMessage().contains("[2, 2, 2, 2]")
                && incompatible.getMessage().contains("output_padding"), incompatible.getMessage());
    }
}
