package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.initializers.Initializers;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DepthwiseConv1D, SeparableConv1D, Conv1DTranspose and AdditiveAttention beyond Keras's numbers
 * (Layers5GoldenTest, AdditiveAttentionGoldenTest): gradients, contracts, bad input, and agreement of
 * each 1-D layer with its 2-D twin on an image of height 1.
 */
class Conv1DVariantsTest {
    private static Tensor random(Shape shape, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return t;
    }

    private static void copyWeights(Layer from, Layer to) {
        for (int i = 0; i < from.parameters().size(); i++) {
            float[] src = from.parameters().get(i).value().data();
            System.arraycopy(src, 0, to.parameters().get(i).value().data(), 0, src.length);
        }
    }

    @Test
    void eachEqualsItsTwoDimensionalTwinOfHeightOne() {
        Tensor x = random(Shape.of(2, 9, 3), 1);
        Tensor image = x.reshape(Shape.of(2, 1, 9, 3));
        DepthwiseConv1D dw = new DepthwiseConv1D(new DepthwiseConv1D.Config(List.of(3), List.of(2), Padding.SAME, 2,
                List.of(1), null, true, Initializers.glorotUniform(3L), Initializers.get("ones"), null, null, null));
        DepthwiseConv2D dw2 = DepthwiseConv2D.builder(1, 3).strides(1, 2).padding("same").depthMultiplier(2).build();
        dw.build(Shape.of(9, 3), false);
        dw2.build(Shape.of(1, 9, 3), false);
        copyWeights(dw, dw2);
        assertEquals(List.of(dw2.call(image, false).data().length), List.of(dw.call(x, false).data().length));
        org.junit.jupiter.api.Assertions.assertArrayEquals(dw2.call(image, false).data(), dw.call(x, false).data());

        SeparableConv1D sep = new SeparableConv1D(new SeparableConv1D.Config(4, List.of(3), List.of(1), Padding.VALID,
                List.of(2), 2, null, true, Initializers.glorotUniform(4L), Initializers.glorotUniform(5L),
                Initializers.get("ones"), null, null, null, null));
        SeparableConv2D sep2 = SeparableConv2D.builder(4, 1, 3).dilationRate(1, 2).depthMultiplier(2).build();
        sep.build(Shape.of(9, 3), false);
        sep2.build(Shape.of(1, 9, 3), false);
        copyWeights(sep, sep2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(sep2.call(image, false).data(), sep.call(x, false).data());

        Conv1DTranspose t = new Conv1DTranspose(new Conv1DTranspose.Config(2, List.of(3), List.of(2), Padding.SAME,
                null, List.of(1), null, true, Initializers.glorotUniform(6L), Initializers.get("ones"), null, null,
                null));
        Conv2DTranspose t2 = Conv2DTranspose.builder(2, 1, 3).strides(1, 2).padding("same").build();
        t.build(Shape.of(9, 3), false);
        t2.build(Shape.of(1, 9, 3), false);
        copyWeights(t, t2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(t2.call(image, false).data(), t.call(x, false).data());
    }

    @Test
    void gradients() {
        LayerGradientCheck.check(new DepthwiseConv1D(new DepthwiseConv1D.Config(List.of(3), List.of(2), Padding.SAME,
                2, List.of(1), dev.jnn.activations.Activations.get("tanh"), true, Initializers.glorotUniform(1L),
                Initializers.glorotUniform(2L), null, null, DataFormat.CHANNELS_FIRST)), Shape.of(3, 7), 2, 1, true);
        LayerGradientCheck.check(new SeparableConv1D(new SeparableConv1D.Config(3, List.of(2), List.of(1),
                Padding.VALID, List.of(2), 2, null, true, Initializers.glorotUniform(1L), Initializers.glorotUniform(2L),
                Initializers.glorotUniform(3L), null, null, null, null)), Shape.of(7, 2), 2, 2, true);
        LayerGradientCheck.check(new Conv1DTranspose(new Conv1DTranspose.Config(2, List.of(3), List.of(2),
                Padding.VALID, List.of(1), List.of(1), null, true, Initializers.glorotUniform(1L),
                Initializers.glorotUniform(2L), null, null, null)), Shape.of(4, 3), 2, 3, true);
        LayerGradientCheck.check(new Conv1DTranspose(new Conv1DTranspose.Config(2, List.of(2), List.of(1),
                Padding.SAME, null, List.of(2), null, true, Initializers.glorotUniform(1L),
                Initializers.glorotUniform(2L), null, null, null)), Shape.of(5, 2), 2, 4, true);
        LayerGradientCheck.checkList(new AdditiveAttention(), List.of(Shape.of(3, 4), Shape.of(5, 4), Shape.of(5, 4)),
                2, 5, false);
        LayerGradientCheck.checkList(new AdditiveAttention(new AdditiveAttention.Config(false, 0f, true, false, null)),
                List.of(Shape.of(4, 3), Shape.of(4, 3)), 2, 6, false);
    }

    @Test
    void contracts() {
        LayerContract.check(() -> new DepthwiseConv1D(3), Shape.of(7, 2), Shape.of(5, 2), 3 * 2 + 2);
        LayerContract.check(() -> new SeparableConv1D(4, 3), Shape.of(7, 2), Shape.of(5, 4), 3 * 2 + 2 * 4 + 4);
        LayerContract.check(() -> new Conv1DTranspose(4, 3), Shape.of(5, 2), Shape.of(7, 4), 3 * 4 * 2 + 4);
        LayerContract.checkList(AdditiveAttention::new, List.of(Shape.of(3, 4), Shape.of(5, 4)),
                List.of(Shape.of(3, 4)), 4);
        assertEquals("additive_attention", LayerNames.snakeCase(new AdditiveAttention().className()));
        assertEquals("conv1d_transpose", LayerNames.snakeCase(new Conv1DTranspose(1, 1).className()));
    }

    @Test
    void badInput() {
        DepthwiseConv1D dw = new DepthwiseConv1D(5);
        var e = assertThrows(IllegalArgumentException.class, () -> dw.outputShape(Shape.of(3, 2)));
        assertTrue(e.getMessage().contains(dw.name()) && e.getMessage().contains("(None, 3, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> dw.outputShape(Shape.of(3, 2, 2)));
        assertTrue(e.getMessage().contains("expected ndim=3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DepthwiseConv1D(new DepthwiseConv1D.Config(
                List.of(3), List.of(1), Padding.CAUSAL, 1, List.of(1), null, true, Initializers.get("ones"),
                Initializers.get("zeros"), null, null, null)));
        assertTrue(e.getMessage().contains("causal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SeparableConv1D(0, 3));
        assertTrue(e.getMessage().contains("filters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv1DTranspose(new Conv1DTranspose.Config(2,
                List.of(3), List.of(2), Padding.VALID, List.of(2), List.of(1), null, true, Initializers.get("ones"),
                Initializers.get("zeros"), null, null, null)));
        assertTrue(e.getMessage().contains("output_padding") && e.getMessage().contains("[2]"), e.getMessage());
        SeparableConv1D sep = new SeparableConv1D(2, 3);
        sep.build(Shape.of(6, 3), false);
        e = assertThrows(IllegalArgumentException.class, () -> sep.outputShape(Shape.of(6, 4)));
        assertTrue(e.getMessage().contains("expected axis -1") && e.getMessage().contains("(None, 6, 4)"),
                e.getMessage());
        AdditiveAttention attention = new AdditiveAttention();
        e = assertThrows(IllegalArgumentException.class,
                () -> attention.outputShapes(List.of(Shape.of(3, 4), Shape.of(5, 3))));
        assertTrue(e.getMessage().contains(attention.name()) && e.getMessage().contains("(None, 3, 4)"),
                e.getMessage());
    }
}
