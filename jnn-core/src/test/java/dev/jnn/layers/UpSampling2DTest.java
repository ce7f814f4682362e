package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** UpSampling2D (nearest) against Keras, gradients, contract and bad input. */
class UpSampling2DTest {
    @Test
    void matchKeras() {
        assertEquals(3, PoolGolden.check("UpSampling2D", k -> {
            int[] size = PoolGolden.pair(k, "size", new int[] {2, 2});
            return new UpSampling2D(size[0], size[1]);
        }));
    }

    @Test
    void gradientsAndContract() {
        LayerGradientCheck.check(new UpSampling2D(3, 2), Shape.of(2, 3, 2), 2, 1, true);
        LayerContract.check(UpSampling2D::new, Shape.of(2, 3, 2), Shape.of(4, 6, 2), 0);
        assertEquals(new UpSampling2D.Config(2, 2, "nearest"), new UpSampling2D().config());
        assertEquals("up_sampling2d", LayerNames.snakeCase(new UpSampling2D().className()));
    }

    @Test
    void badInput() {
        UpSampling2D up = new UpSampling2D();
        var e = assertThrows(IllegalArgumentException.class, () -> up.outputShape(Shape.of(4, 4, 4, 1)));
        assertTrue(e.getMessage().contains(up.name()) && e.getMessage().contains("expected ndim=4")
                && e.getMessage().contains("(None, 4, 4, 4, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UpSampling2D(0, 2));
        e = assertThrows(IllegalArgumentException.class, () -> new UpSampling2D.Config(2, 2, "bilinear"));
        assertTrue(e.getMessage().contains("bilinear"), e.getMessage());
    }
}
