package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Damaged .npy bytes must only ever fail with the documented exceptions, never OOM or crash. */
class NpyCorruptionPropertyTest {
    private static final byte[] GOOD = Npy.toBytes(new Tensor(Shape.of(2, 3), new float[] {1, 2, 3, 4, 5, 6}));

    @Property(tries = 400)
    void mutatedBytesFailCleanly(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 200) Integer> positions,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 255) Integer> values,
            @ForAll @IntRange(min = 0, max = 200) int cut) {
        byte[] b = GOOD.clone();
        for (int i = 0; i < positions.size(); i++) {
            int at = positions.get(i) % b.length;
            b[at] = (byte) (int) values.get(i);
        }
        if (cut < 100) {
            b = Arrays.copyOf(b, Math.min(b.length, cut * b.length / 100));
        }
        parseMustFailCleanly(b);
    }

    @Property(tries = 200)
    void headerTextMutationsFailCleanly(@ForAll @IntRange(min = 10, max = 127) int at,
            @ForAll @IntRange(min = 32, max = 126) int ch) {
        byte[] b = GOOD.clone();
        b[at] = (byte) ch;          // printable garbage inside the dict literal
        parseMustFailCleanly(b);
    }

    private static void parseMustFailCleanly(byte[] b) {
        try {
            Tensor t = Npy.parse(b, "mutated.npy");
            assertEquals(t.shape().size(), t.data().length);
        } catch (IOException | IllegalArgumentException e) {
            if (!e.getMessage().contains("mutated.npy") && !e.getMessage().contains("shape")) {
                throw new AssertionError("error does not name the file: " + e.getMessage(), e);
            }
        }
    }
}
