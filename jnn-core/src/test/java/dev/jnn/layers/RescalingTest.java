package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rescaling: broadcasting, gradients, contract and bad input (Keras's numbers are in Layers5GoldenTest). */
class RescalingTest {
    @Test
    void scalesPerChannelAndAddsTheOffset() {
        Rescaling r = new Rescaling(new Rescaling.Config(BroadcastValues.of(1, 2, 3), BroadcastValues.scalar(-1)));
        Tensor y = r.call(Tensor.full(Shape.of(2, 2, 3), 2f), false);
        assertArrayEquals(new float[] {1, 3, 5, 1, 3, 5, 1, 3, 5, 1, 3, 5}, y.data());
        // The same at training time: Rescaling is no augmentation.
        assertArrayEquals(y.data(), r.call(Tensor.full(Shape.of(2, 2, 3), 2f), true).data());
    }

    @Test
    void broadcastsAColumnAndALeadingBatchAxisOfOne() {
        BroadcastValues column = new BroadcastValues(List.of(1, 2, 1), List.of(10.0, 100.0));
        Rescaling r = new Rescaling(new Rescaling.Config(column, BroadcastValues.scalar(0)));
        Tensor x = Tensor.full(Shape.of(1, 2, 2), 1f);
        assertArrayEquals(new float[] {10, 10, 100, 100}, r.call(x, false).data());
    }

    @Test
    void gradientsAndContract() {
        LayerGradientCheck.check(new Rescaling(new Rescaling.Config(BroadcastValues.of(0.5, -2, 3),
                BroadcastValues.of(1, 2, 3))), Shape.of(4, 3), 2, 3, true);
        LayerContract.check(() -> new Rescaling(1 / 255.0, 0.5), Shape.of(3, 2), Shape.of(3, 2), 0);
        assertEquals("rescaling", LayerNames.snakeCase(new Rescaling(2).className()));
    }

    @Test
    void badInput() {
        Rescaling r = new Rescaling(new Rescaling.Config(BroadcastValues.of(1, 2, 3), BroadcastValues.scalar(0)));
        var e = assertThrows(IllegalArgumentException.class, () -> r.outputShape(Shape.of(4, 2)));
        assertTrue(e.getMessage().contains(r.name()) && e.getMessage().contains("(3,)")
                && e.getMessage().contains("(None, 4, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Rescaling.Config(null, BroadcastValues.scalar(0)));
        assertTrue(e.getMessage().contains("Rescaling"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BroadcastValues(List.of(2, 2), List.of(1.0)));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
    }
}
