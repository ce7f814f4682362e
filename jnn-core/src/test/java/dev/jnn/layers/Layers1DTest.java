package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** ZeroPadding1D, Cropping1D, UpSampling1D and Identity (Keras's numbers are in Layers5GoldenTest). */
class Layers1DTest {
    @Test
    void paddingCroppingAndRepeating() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3, 4}}).reshape(Shape.of(1, 2, 2));
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4, 0, 0, 0, 0},
                new ZeroPadding1D(new ZeroPadding1D.Config(1, 2, null)).call(x, false).data());
        assertArrayEquals(new float[] {3, 4}, new Cropping1D(1, 0).call(x, false).data());
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, new UpSampling1D().call(x, false).data());
        // channels_first: (features, steps) padded along the steps
        assertArrayEquals(new float[] {0, 1, 2, 0, 0, 3, 4, 0},
                new ZeroPadding1D(new ZeroPadding1D.Config(1, 1, DataFormat.CHANNELS_FIRST)).call(x, false).data());
        assertSame(x, new Identity().call(x, false));
    }

    @Test
    void gradientsAndContracts() {
        LayerGradientCheck.check(new ZeroPadding1D(new ZeroPadding1D.Config(2, 1, DataFormat.CHANNELS_FIRST)),
                Shape.of(3, 4), 2, 1, true);
        LayerGradientCheck.check(new Cropping1D(1, 2), Shape.of(5, 3), 2, 2, true);
        LayerGradientCheck.check(new UpSampling1D(3), Shape.of(4, 2), 2, 3, true);
        LayerContract.check(ZeroPadding1D::new, Shape.of(4, 3), Shape.of(6, 3), 0);
        LayerContract.check(Cropping1D::new, Shape.of(4, 3), Shape.of(2, 3), 0);
        LayerContract.check(UpSampling1D::new, Shape.of(4, 3), Shape.of(8, 3), 0);
        LayerContract.check(Identity::new, Shape.of(4, 3), Shape.of(4, 3), 0);
        assertEquals(new Identity().config(), new Identity().config());
        assertEquals("zero_padding1d", LayerNames.snakeCase(new ZeroPadding1D().className()));
        assertEquals("up_sampling1d", LayerNames.snakeCase(new UpSampling1D().className()));
    }

    @Test
    void badInput() {
        Cropping1D crop = new Cropping1D(2, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> crop.outputShape(Shape.of(4, 3)));
        assertTrue(e.getMessage().contains(crop.name()) && e.getMessage().contains("(None, 4, 3)")
                && e.getMessage().contains("(2, 2)"), e.getMessage());
        UpSampling1D up = new UpSampling1D();
        e = assertThrows(IllegalArgumentException.class, () -> up.outputShape(Shape.of(4, 3, 2)));
        assertTrue(e.getMessage().contains(up.name()) && e.getMessage().contains("expected ndim=3")
                && e.getMessage().contains("(None, 4, 3, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UpSampling1D(0));
        assertTrue(e.getMessage().contains("size=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ZeroPadding1D(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Cropping1D(-1, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }
}
