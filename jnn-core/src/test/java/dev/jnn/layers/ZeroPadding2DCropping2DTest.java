package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** ZeroPadding2D and Cropping2D against Keras, gradients, contract and bad input. */
class ZeroPadding2DCropping2DTest {
    @Test
    void matchKeras() {
        assertEquals(4, PoolGolden.check("ZeroPadding2D", k -> {
            int[] p = PoolGolden.borders(k, "padding", 1);
            return new ZeroPadding2D(new ZeroPadding2D.Config(p[0], p[1], p[2], p[3]));
        }));
        assertEquals(4, PoolGolden.check("Cropping2D", k -> {
            int[] c = PoolGolden.borders(k, "cropping", 0);
            return new Cropping2D(new Cropping2D.Config(c[0], c[1], c[2], c[3]));
        }));
    }

    @Test
    void defaultsAndShapes() {
        assertEquals(new ZeroPadding2D.Config(1, 1, 1, 1), new ZeroPadding2D().config());
        assertEquals(Shape.of(7, 8, 3), new ZeroPadding2D(2).outputShape(Shape.of(3, 4, 3)));
        assertEquals(Shape.of(3, 4, 3), new Cropping2D().outputShape(Shape.of(3, 4, 3)));
        assertEquals(Shape.of(1, 2, 3), new Cropping2D(1).outputShape(Shape.of(3, 4, 3)));
        assertEquals("zero_padding2d", LayerNames.snakeCase(new ZeroPadding2D().className()));
        assertEquals("cropping2d", LayerNames.snakeCase(new Cropping2D().className()));
    }

    @Test
    void gradients() {
        LayerGradientCheck.check(new ZeroPadding2D(new ZeroPadding2D.Config(1, 2, 0, 3)), Shape.of(3, 2, 2), 2, 1, true);
        LayerGradientCheck.check(new Cropping2D(new Cropping2D.Config(1, 0, 2, 1)), Shape.of(4, 5, 2), 2, 2, true);
    }

    @Test
    void contract() {
        LayerContract.check(ZeroPadding2D::new, Shape.of(3, 4, 2), Shape.of(5, 6, 2), 0);
        LayerContract.check(() -> new Cropping2D(new Cropping2D.Config(1, 2)), Shape.of(4, 6, 2), Shape.of(2, 2, 2), 0);
    }

    @Test
    void badInput() {
        ZeroPadding2D pad = new ZeroPadding2D();
        var e = assertThrows(IllegalArgumentException.class, () -> pad.outputShape(Shape.of(4, 4)));
        assertTrue(e.getMessage().contains(pad.name()) && e.getMessage().contains("expected ndim=4")
                && e.getMessage().contains("(None, 4, 4)"), e.getMessage());
        Cropping2D crop = new Cropping2D(new Cropping2D.Config(2, 1, 0, 0));
        e = assertThrows(IllegalArgumentException.class, () -> crop.outputShape(Shape.of(3, 4, 1)));
        assertTrue(e.getMessage().contains(crop.name()) && e.getMessage().contains("(None, 3, 4, 1)")
                && e.getMessage().contains("((2, 1), (0, 0))"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ZeroPadding2D(-1));
        assertThrows(IllegalArgumentException.class, () -> new Cropping2D.Config(0, -1, 0, 0));
    }
}
