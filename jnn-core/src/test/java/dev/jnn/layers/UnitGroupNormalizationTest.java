package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** UnitNormalization and GroupNormalization beyond Keras's numbers (Layers5GoldenTest). */
class UnitGroupNormalizationTest {
    @Test
    void unitNormalizationScalesToUnitNormAndLeavesZerosAtZero() {
        Tensor y = new UnitNormalization().call(Tensor.of(new float[][] {{3, 4}, {0, 0}}), false);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, y.data(), 1e-7f);
        Tensor z = new UnitNormalization(1, 2).call(Tensor.full(Shape.of(1, 2, 2), 1f), false);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, z.data(), 1e-7f);
    }

    @Test
    void groupNormalizationNormalizesEachGroup() {
        GroupNormalization layer = new GroupNormalization(2);
        Tensor y = layer.call(Tensor.of(new float[][] {{1, 3, 10, 20}}), false);
        float a = (float) (1 / Math.sqrt(1 + 1e-3));
        float b = (float) (5 / Math.sqrt(25 + 1e-3));
        assertArrayEquals(new float[] {-a, a, -b, b}, y.data(), 1e-6f);
        assertEquals(4, new GroupNormalization(-1).call(Tensor.zeros(1, 2, 4), false).shape().dim(2));
    }

    @Test
    void gradientsAndContracts() {
        LayerGradientCheck.check(new UnitNormalization(), Shape.of(3, 4), 2, 1, true);
        LayerGradientCheck.check(new UnitNormalization(1, 2), Shape.of(3, 4), 2, 2, true);
        GroupNormalization g = new GroupNormalization(new GroupNormalization.Config(3, 1, 1e-3f, true, true,
                dev.jnn.initializers.Initializers.randomUniform(-1, 1, 3L),
                dev.jnn.initializers.Initializers.randomUniform(0.5, 1.5, 4L), null, null));
        LayerGradientCheck.check(g, Shape.of(6, 2, 2), 2, 3, true);
        LayerGradientCheck.check(new GroupNormalization(2), Shape.of(3, 4), 2, 4, true);
        LayerContract.check(UnitNormalization::new, Shape.of(3, 4), Shape.of(3, 4), 0);
        LayerContract.check(() -> new GroupNormalization(2), Shape.of(3, 4), Shape.of(3, 4), 8);
        GroupNormalization instance = new GroupNormalization(-1);
        instance.build(Shape.of(5, 6), false);
        assertEquals(6, instance.groups());
        assertEquals(-1, instance.config().groups());
    }

    @Test
    void badInput() {
        GroupNormalization g = new GroupNormalization(3);
        var e = assertThrows(IllegalArgumentException.class, () -> g.outputShape(Shape.of(5, 4)));
        assertTrue(e.getMessage().contains(g.name()) && e.getMessage().contains("(3)")
                && e.getMessage().contains("(4)") && e.getMessage().contains("(None, 5, 4)"), e.getMessage());
        GroupNormalization big = new GroupNormalization(8);
        e = assertThrows(IllegalArgumentException.class, () -> big.outputShape(Shape.of(5, 4)));
        assertTrue(e.getMessage().contains("cannot be more"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GroupNormalization(0));
        assertTrue(e.getMessage().contains("groups=0"), e.getMessage());
        UnitNormalization u = new UnitNormalization(3);
        e = assertThrows(IllegalArgumentException.class, () -> u.outputShape(Shape.of(5, 4)));
        assertTrue(e.getMessage().contains(u.name()) && e.getMessage().contains("(None, 5, 4)"), e.getMessage());
    }
}
