package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class Conv1DTest {
    @Test
    void causalPaddingSeesOnlyThePast() {
        Conv1D conv = Conv1D.builder(1, 2).padding("causal").useBias(false).build();
        conv.build(Shape.of(4, 1), false);
        System.arraycopy(new float[] {10, 1}, 0, conv.kernel().value().data(), 0, 2);
        Tensor y = conv.call(new Tensor(Shape.of(1, 4, 1), new float[] {1, 2, 3, 4}), false);
        // y[t] = 10 * x[t-1] + x[t], with x[-1] = 0
        assertArrayEquals(new float[] {1, 12, 23, 34}, y.data(), 1e-5f);
    }

    @Test
    void hasKerasDefaultsWeightShapesAndParameterCount() {
        Conv1D conv = new Conv1D(16, 3, "relu");
        Conv1D.Config c = conv.config();
        assertEquals(List.of(3), c.kernelSize());
        assertEquals(List.of(1), c.strides());
        assertEquals(List.of(1), c.dilationRate());
        assertEquals(Padding.VALID, c.padding());
        assertEquals("Conv1D", conv.className());
        assertTrue(conv.name().startsWith("conv1d"), conv.name());
        conv.build(Shape.of(20, 4), false);
        assertEquals(Shape.of(3, 4, 16), conv.kernel().shape());
        assertEquals(Shape.of(16), conv.bias().shape());
        assertEquals(3 * 4 * 16 + 16, conv.countParams());
        assertEquals(Shape.of(18, 16), conv.outputShape(Shape.of(20, 4)));
        assertEquals(Shape.of(20, 16), Conv1D.builder(16, 3).padding("causal").dilationRate(4).build()
                .outputShape(Shape.of(20, 4)));
        assertEquals(Shape.of(7, 16), Conv1D.builder(16, 3).padding("same").strides(3).build()
                .outputShape(Shape.of(20, 4)));
        assertEquals(Shape.of(6, 16), Conv1D.builder(16, 3).strides(3).build().outputShape(Shape.of(20, 4)));
    }

    @Test
    void gradientsMatchNumerical() {
        SeedGenerator.setGlobalSeed(6);
        LayerGradientCheck.check(new Conv1D(3, 3, "tanh"), Shape.of(7, 2), 2, 21, true);
        LayerGradientCheck.check(Conv1D.builder(2, 3).padding("causal").dilationRate(2).build(), Shape.of(8, 3), 2, 22, true);
        LayerGradientCheck.check(Conv1D.builder(2, 4).padding("same").strides(2).useBias(false).build(),
                Shape.of(9, 2), 2, 23, true);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> new Conv1D(4, 3, "relu"), Shape.of(8, 2), Shape.of(6, 4), 3 * 2 * 4 + 4);
        LayerContract.check(() -> Conv1D.builder(3, 2).padding("causal").build(), Shape.of(5, 2), Shape.of(5, 3),
                2 * 2 * 3 + 3);
    }

    @Test
    void rejectsBadInputNamingLayerAndShapes() {
        Conv1D conv = (Conv1D) new Conv1D(4, 3).named("seq");
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 5, 5, 1), false));
        assertTrue(rank.getMessage().contains("\"seq\"") && rank.getMessage().contains("ndim=3")
                && rank.getMessage().contains("(None, 5, 5, 1)"), rank.getMessage());

        conv.build(Shape.of(10, 3), false);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 10, 2), false));
        assertTrue(channels.getMessage().contains("\"seq\"") && channels.getMessage().contains("value 3")
                && channels.getMessage().contains("(None, 10, 2)"), channels.getMessage());

        Conv1D wide = (Conv1D) new Conv1D(4, 6).named("wide");
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> wide.call(Tensor.zeros(2, 5, 2), false));
        assertTrue(small.getMessage().contains("\"wide\"") && small.getMessage().contains("(None, 5, 2)")
                && small.getMessage().contains("[6, 2, 4]"), small.getMessage());
        assertEquals(Shape.of(5, 4), Conv1D.builder(4, 6).padding("causal").build().outputShape(Shape.of(5, 2)));
    }

    @Test
    void paddingNamesRoundTrip() {
        for (Padding p : Padding.values()) {
            assertEquals(p, Padding.of(p.kerasName()));
        }
        assertThrows(IllegalArgumentException.class, () -> Padding.of("full"));
        assertThrows(IllegalArgumentException.class, () -> Padding.of(null));
    }
}
