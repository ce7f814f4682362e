package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantInitializersTest {
    @Test
    void zerosOverwritesEverything() {
        float[] out = {1, 2, 3, 4, 5, 6};
        new Zeros().initialize(Shape.of(2, 3), out);
        assertArrayEquals(new float[6], out);
        assertEquals(Map.of(), new Zeros().config());
    }

    @Test
    void onesFillsWithOne() {
        assertArrayEquals(new float[] {1, 1, 1, 1}, new Ones().create(Shape.of(2, 1, 2)).data());
    }

    @Test
    void constantFillsWithItsValue() {
        assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f}, new Constant(0.3).create(Shape.of(3)).data());
        assertEquals(0.0, new Constant().value());
        assertEquals(Map.of("value", 0.3), new Constant(0.3).config());
        assertEquals(new Constant(0.3), new Constant(0.3));
    }

    @Test
    void identityPutsTheGainOnTheMainDiagonal() {
        assertArrayEquals(new float[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, new Identity(2.0).create(Shape.of(3, 3)).data());
        // Non-square: eye(2, 4) and eye(3, 2), as numpy and Keras.
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0}, new Identity().create(Shape.of(2, 4)).data());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, new Identity().create(Shape.of(3, 2)).data());
        assertEquals(Map.of("gain", 2.0), new Identity(2.0).config());
    }

    @Test
    void identityRejectsOtherRanks() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Identity().create(Shape.of(2, 2, 2)));
        assertTrue(e.getMessage().contains("[2, 2, 2]") && e.getMessage().contains("rank 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Identity().create(Shape.of(4)));
    }

    @Test
    void namesAndClassNames() {
        assertEquals("zeros", new Zeros().name());
        assertEquals("Zeros", new Zeros().className());
        assertEquals("Ones", new Ones().className());
        assertEquals("constant", new Constant().name());
        assertEquals("Identity", new Identity().className());
    }

    @Test
    void aWrongBufferLengthIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Ones().initialize(Shape.of(2, 2), new float[3]));
        assertTrue(e.getMessage().contains("out") && e.getMessage().contains("3"), e.getMessage());
    }
}
