package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TranspositionTest {
    @Test
    void matchesNumpyOnARank3Array() {
        // np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)[1] == [[1, 5, 9], [13, 17, 21]]
        float[] data = new float[24];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        int[] shape = {2, 3, 4};
        assertArrayEquals(new int[] {4, 2, 3}, Transposition.shape(shape, 2, 0, 1));
        float[] t = Transposition.apply(data, shape, 2, 0, 1);
        assertArrayEquals(new float[] {1, 5, 9, 13, 17, 21}, java.util.Arrays.copyOfRange(t, 6, 12));
        assertArrayEquals(data, Transposition.apply(t, new int[] {4, 2, 3}, 1, 2, 0));
    }

    @Test
    void refusesAxesThatAreNotAPermutation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transposition.apply(new float[6], new int[] {2, 3}, 0, 0));
        assertTrue(e.getMessage().contains("[0, 0]") && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transposition.shape(new int[] {2, 3}, 1));
    }
}
