package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** Permute and RepeatVector against Keras, gradients, contract and bad input. */
class PermuteRepeatVectorTest {
    @Test
    void matchKeras() {
        assertEquals(4, PoolGolden.check("Permute", k -> {
            int[] dims = new int[k.get("dims").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = k.get("dims").get(i).asInt();
            }
            return new Permute(dims);
        }));
        assertEquals(2, PoolGolden.check("RepeatVector", k -> new RepeatVector(k.get("n").asInt())));
    }

    @Test
    void gradientsAndContract() {
        LayerGradientCheck.check(new Permute(3, 1, 2), Shape.of(2, 3, 4), 2, 1, true);
        LayerGradientCheck.check(new RepeatVector(3), Shape.of(4), 2, 2, true);
        LayerContract.check(() -> new Permute(2, 1), Shape.of(3, 4), Shape.of(4, 3), 0);
        LayerContract.check(() -> new RepeatVector(2), Shape.of(3), Shape.of(2, 3), 0);
        assertEquals(new Permute.Config(new int[] {2, 1}), new Permute(2, 1).config());
        assertArrayEquals(new int[] {2, 1}, new Permute(2, 1).config().dims());
        assertEquals("repeat_vector", LayerNames.snakeCase(new RepeatVector(2).className()));
    }

    @Test
    void badInput() {
        Permute permute = new Permute(2, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> permute.outputShape(Shape.of(2, 3, 4)));
        assertTrue(e.getMessage().contains(permute.name()) && e.getMessage().contains("expected ndim=3")
                && e.getMessage().contains("(None, 2, 3, 4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Permute(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Permute(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Permute(1, 3));
        RepeatVector repeat = new RepeatVector(2);
        e = assertThrows(IllegalArgumentException.class, () -> repeat.outputShape(Shape.of(2, 3)));
        assertTrue(e.getMessage().contains(repeat.name()) && e.getMessage().contains("expected ndim=2")
                && e.getMessage().contains("(None, 2, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RepeatVector(0));
    }
}
