package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Shape;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** MaxPooling1D/2D and AveragePooling1D/2D against Keras, gradients, contract and bad input. */
class PoolingLayersTest {
    private static MaxPooling2D max2d(JsonNode k) {
        int[] pool = PoolGolden.pair(k, "pool_size", new int[] {2, 2});
        int[] strides = PoolGolden.pair(k, "strides", pool);
        return new MaxPooling2D(new MaxPooling2D.Config(pool[0], pool[1], strides[0], strides[1],
                PoolGolden.text(k, "padding", "valid")));
    }

    private static AveragePooling2D average2d(JsonNode k) {
        int[] pool = PoolGolden.pair(k, "pool_size", null);
        int[] strides = PoolGolden.pair(k, "strides", pool);
        return new AveragePooling2D(new AveragePooling2D.Config(pool[0], pool[1], strides[0], strides[1],
                PoolGolden.text(k, "padding", "valid")));
    }

    private static MaxPooling1D max1d(JsonNode k) {
        int pool = k.has("pool_size") ? k.get("pool_size").asInt() : 2;
        int strides = k.has("strides") ? k.get("strides").asInt() : pool;
        return new MaxPooling1D(new MaxPooling1D.Config(pool, strides, PoolGolden.text(k, "padding", "valid")));
    }

    private static AveragePooling1D average1d(JsonNode k) {
        int pool = k.get("pool_size").asInt();
        int strides = k.has("strides") ? k.get("strides").asInt() : pool;
        return new AveragePooling1D(new AveragePooling1D.Config(pool, strides, PoolGolden.text(k, "padding", "valid")));
    }

    @Test
    void matchKerasIncludingSamePaddingAndTies() {
        assertEquals(6, PoolGolden.check("MaxPooling2D", PoolingLayersTest::max2d));
        assertEquals(5, PoolGolden.check("AveragePooling2D", PoolingLayersTest::average2d));
        assertEquals(5, PoolGolden.check("MaxPooling1D", PoolingLayersTest::max1d));
        assertEquals(5, PoolGolden.check("AveragePooling1D", PoolingLayersTest::average1d));
    }

    @Test
    void defaultsAreKeras() {
        assertEquals(new MaxPooling2D.Config(2, 2, 2, 2, "valid"), new MaxPooling2D().config());
        assertEquals(new MaxPooling1D.Config(2, 2, "valid"), new MaxPooling1D().config());
        assertEquals(new AveragePooling2D.Config(3, 3, 3, 3, "valid"), new AveragePooling2D(3, 3).config());
        assertEquals("same", new MaxPooling2D.Config(2, 2, "SAME").padding());
        assertEquals("max_pooling2d", LayerNames.snakeCase(new MaxPooling2D().className()));
        assertEquals("average_pooling1d", LayerNames.snakeCase(new AveragePooling1D(2).className()));
    }

    @Test
    void gradients() {
        PoolGolden.checkGradientWithoutTies(new MaxPooling2D(new MaxPooling2D.Config(3, 3, 2, 2, "same")),
                Shape.of(5, 4, 2), 2, 1);
        PoolGolden.checkGradientWithoutTies(new MaxPooling2D(), Shape.of(4, 5, 3), 2, 2);
        PoolGolden.checkGradientWithoutTies(new MaxPooling1D(new MaxPooling1D.Config(3, 1, "same")),
                Shape.of(5, 2), 2, 3);
        LayerGradientCheck.check(new AveragePooling2D(new AveragePooling2D.Config(3, 2, 2, 1, "same")),
                Shape.of(5, 4, 2), 2, 4, true);
        LayerGradientCheck.check(new AveragePooling2D(2, 2), Shape.of(4, 5, 1), 2, 5, true);
        LayerGradientCheck.check(new AveragePooling1D(new AveragePooling1D.Config(3, 2, "same")),
                Shape.of(6, 3), 2, 6, true);
    }

    @Test
    void contract() {
        LayerContract.check(MaxPooling2D::new, Shape.of(4, 4, 2), Shape.of(2, 2, 2), 0);
        LayerContract.check(() -> new MaxPooling2D(new MaxPooling2D.Config(3, 3, 2, 2, "same")),
                Shape.of(5, 5, 1), Shape.of(3, 3, 1), 0);
        LayerContract.check(() -> new AveragePooling2D(2, 2), Shape.of(5, 4, 3), Shape.of(2, 2, 3), 0);
        LayerContract.check(MaxPooling1D::new, Shape.of(5, 3), Shape.of(2, 3), 0);
        LayerContract.check(() -> new AveragePooling1D(new AveragePooling1D.Config(2, 2, "same")),
                Shape.of(5, 3), Shape.of(3, 3), 0);
    }

    @Test
    void wrongRankNamesLayerAndShape() {
        MaxPooling2D pool = new MaxPooling2D();
        var e = assertThrows(IllegalArgumentException.class, () -> pool.outputShape(Shape.of(28, 28)));
        assertTrue(e.getMessage().contains(pool.name()) && e.getMessage().contains("expected ndim=4")
                && e.getMessage().contains("(None, 28, 28)"), e.getMessage());
        AveragePooling1D avg = new AveragePooling1D(2);
        e = assertThrows(IllegalArgumentException.class, () -> avg.outputShape(Shape.of(4, 4, 1)));
        assertTrue(e.getMessage().contains(avg.name()) && e.getMessage().contains("expected ndim=3")
                && e.getMessage().contains("(None, 4, 4, 1)"), e.getMessage());
    }

    @Test
    void poolLargerThanInputWithValidPadding() {
        MaxPooling2D pool = new MaxPooling2D(3, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> pool.outputShape(Shape.of(2, 5, 1)));
        assertTrue(e.getMessage().contains(pool.name()) && e.getMessage().contains("(None, 2, 5, 1)")
                && e.getMessage().contains("pool_size=(3, 3)"), e.getMessage());
        MaxPooling1D pool1 = new MaxPooling1D(4);
        e = assertThrows(IllegalArgumentException.class, () -> pool1.outputShape(Shape.of(3, 2)));
        assertTrue(e.getMessage().contains(pool1.name()) && e.getMessage().contains("(None, 3, 2)"), e.getMessage());
        // "same" always fits
        assertEquals(Shape.of(1, 2, 1), new MaxPooling2D(new MaxPooling2D.Config(3, 3, "same"))
                .outputShape(Shape.of(2, 5, 1)));
    }

    @Test
    void badConfigs() {
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D.Config(0, 2, "valid"));
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D.Config(2, 2, 2, -1, "valid"));
        assertThrows(IllegalArgumentException.class, () -> new AveragePooling1D.Config(2, 2, "full"));
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling1D.Config(2, 0, "same"));
    }
}
