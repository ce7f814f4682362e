package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Transpose against its definition, on awkward shapes, below and above the size that splits it over the pool. */
class TransposeTest {
    @Test
    void matchesDefinitionOnAwkwardShapes() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {8, 8}, {17, 31}, {63, 9}, {65, 64}, {129, 3},
                {1000, 137}, {4099, 33}, {86_528 / 8, 9}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            float[] a = new float[rows * cols];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            float[] t = new float[a.length];
            Transpose.run(a, rows, cols, t);
            float[] expected = new float[a.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    expected[j * rows + i] = a[i * cols + j];
                }
            }
            assertArrayEquals(expected, t, rows + "x" + cols);
        }
    }

    @Test
    void rejectsArraysTooSmall() {
        var e = assertThrows(IllegalArgumentException.class, () -> Transpose.run(new float[5], 2, 3, new float[6]));
        assertEquals("a: offset 0 + length 6 does not fit in an array of length 5", e.getMessage());
    }

    @Test
    void splitsCoverEveryItemOnceInOrder() {
        for (int items : new int[] {1, 2, 7, 128}) {
            for (int tasks = 1; tasks <= items; tasks++) {
                assertEquals(0, Parallel.start(0, tasks, items));
                assertEquals(items, Parallel.start(tasks, tasks, items));
                for (int t = 0; t < tasks; t++) {
                    int size = Parallel.start(t + 1, tasks, items) - Parallel.start(t, tasks, items);
                    assertEquals(true, size >= items / tasks && size <= items / tasks + 1, items + "/" + tasks);
                }
            }
        }
        assertEquals(1, Parallel.tasks(128, 1000, 1 << 15));
        assertEquals(3, Parallel.tasks(128, 3L << 15, 1 << 15));
        assertEquals(128, Parallel.tasks(128, 1L << 40, 1 << 15));
        assertEquals(1, Parallel.tasks(1, 1L << 40, 1 << 15));
    }
}
