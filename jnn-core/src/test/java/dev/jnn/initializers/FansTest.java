package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.tensor.Shape;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FansTest {
    // Expected pairs printed by Keras 3.15.1:
    // keras.src.initializers.random_initializers.compute_fans(shape[, input_axes, output_axes]).
    @Test
    void matchesKerasComputeFansForRanksZeroToFour() {
        assertEquals(new Fans(1, 1), Fans.of(Shape.scalar()));
        assertEquals(new Fans(7, 7), Fans.of(Shape.of(7)));
        assertEquals(new Fans(3, 4), Fans.of(Shape.of(3, 4)));
        assertEquals(new Fans(15, 20), Fans.of(Shape.of(5, 3, 4)));
        assertEquals(new Fans(36, 72), Fans.of(Shape.of(3, 3, 4, 8)));
        assertEquals(new Fans(30, 42), Fans.of(Shape.of(2, 3, 5, 7)));
    }

    @Test
    void explicitAxesMultiplyTheirSizes() {
        // compute_fans((3, 4, 5), input_axes=[0, 1], output_axes=[2]) == (12, 5)
        assertEquals(new Fans(12, 5), Fans.of(Shape.of(3, 4, 5), List.of(0, 1), List.of(2)));
        assertEquals(new Fans(12, 5), Fans.of(Shape.of(3, 4, 5), List.of(-3, -2), List.of(-1)));
    }

    @Test
    void axesAreIgnoredUnlessBothAreGiven() {
        assertEquals(new Fans(15, 20), Fans.of(Shape.of(5, 3, 4), List.of(0), null));
        assertEquals(new Fans(15, 20), Fans.of(Shape.of(5, 3, 4), null, List.of(1)));
    }

    @Test
    void anAxisOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Fans.of(Shape.of(3, 4), List.of(2), List.of(1)));
    }

    @Property(tries = 200)
    void convolutionFansMultiplyTheReceptiveField(@ForAll @Size(min = 3, max = 5) List<@IntRange(min = 1, max = 9) Integer> dims) {
        int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
        long receptive = 1;
        for (int i = 0; i < d.length - 2; i++) {
            receptive *= d[i];
        }
        Fans fans = Fans.of(Shape.of(d));
        assertEquals(receptive * d[d.length - 2], fans.fanIn());
        assertEquals(receptive * d[d.length - 1], fans.fanOut());
    }
}
