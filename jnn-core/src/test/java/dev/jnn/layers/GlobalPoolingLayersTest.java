package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Shape;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** GlobalMax/AveragePooling1D/2D against Keras (ties split the gradient, as TensorFlow), gradients, contract. */
class GlobalPoolingLayersTest {
    private static boolean keepdims(JsonNode k) {
        return k.has("keepdims") && k.get("keepdims").asBoolean();
    }

    @Test
    void matchKeras() {
        assertEquals(3, PoolGolden.check("GlobalMaxPooling1D",
                k -> new GlobalMaxPooling1D(new GlobalMaxPooling1D.Config(keepdims(k)))));
        assertEquals(2, PoolGolden.check("GlobalAveragePooling1D",
                k -> new GlobalAveragePooling1D(new GlobalAveragePooling1D.Config(keepdims(k)))));
        assertEquals(3, PoolGolden.check("GlobalMaxPooling2D",
                k -> new GlobalMaxPooling2D(new GlobalMaxPooling2D.Config(keepdims(k)))));
        assertEquals(2, PoolGolden.check("GlobalAveragePooling2D",
                k -> new GlobalAveragePooling2D(new GlobalAveragePooling2D.Config(keepdims(k)))));
    }

    @Test
    void gradients() {
        PoolGolden.checkGradientWithoutTies(new GlobalMaxPooling1D(), Shape.of(5, 3), 2, 1);
        PoolGolden.checkGradientWithoutTies(new GlobalMaxPooling2D(new GlobalMaxPooling2D.Config(true)),
                Shape.of(3, 4, 2), 2, 2);
        LayerGradientCheck.check(new GlobalAveragePooling1D(), Shape.of(5, 3), 2, 3, true);
        LayerGradientCheck.check(new GlobalAveragePooling2D(new GlobalAveragePooling2D.Config(true)),
                Shape.of(3, 4, 2), 2, 4, true);
    }

    @Test
    void contract() {
        LayerContract.check(GlobalMaxPooling1D::new, Shape.of(5, 3), Shape.of(3), 0);
        LayerContract.check(GlobalAveragePooling1D::new, Shape.of(5, 3), Shape.of(3), 0);
        LayerContract.check(GlobalMaxPooling2D::new, Shape.of(3, 4, 2), Shape.of(2), 0);
        LayerContract.check(() -> new GlobalAveragePooling2D(new GlobalAveragePooling2D.Config(true)),
                Shape.of(3, 4, 2), Shape.of(1, 1, 2), 0);
        assertEquals(Shape.of(1, 3), new GlobalMaxPooling1D(new GlobalMaxPooling1D.Config(true))
                .outputShape(Shape.of(5, 3)));
        assertEquals("global_average_pooling2d", LayerNames.snakeCase(new GlobalAveragePooling2D().className()));
    }

    @Test
    void wrongRankNamesLayerAndShape() {
        GlobalAveragePooling2D pool = new GlobalAveragePooling2D();
        var e = assertThrows(IllegalArgumentException.class, () -> pool.outputShape(Shape.of(5, 3)));
        assertTrue(e.getMessage().contains(pool.name()) && e.getMessage().contains("expected ndim=4")
                && e.getMessage().contains("(None, 5, 3)"), e.getMessage());
        GlobalMaxPooling1D pool1 = new GlobalMaxPooling1D();
        e = assertThrows(IllegalArgumentException.class, () -> pool1.outputShape(Shape.of(2, 5, 3)));
        assertTrue(e.getMessage().contains(pool1.name()) && e.getMessage().contains("expected ndim=3")
                && e.getMessage().contains("(None, 2, 5, 3)"), e.getMessage());
    }
}
