package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetTest {
    /** x row i = [i, 10 i], y = i % 3. */
    private static Dataset sample(int n) {
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new float[] {i, 10 * i};
            y[i] = i % 3;
        }
        return Dataset.of(x, y);
    }

    @Test
    void rejectsMismatchedSampleCounts() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(3, 2), Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("x has 3 samples") && e.getMessage().contains("y has 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.scalar(1), Tensor.scalar(1)));
    }

    @Test
    void shuffleIsSeededAndKeepsPairs() {
        Dataset d = sample(50);
        Dataset a = d.shuffle(7);
        Dataset b = d.shuffle(7);
        assertArrayEquals(a.x().data(), b.x().data());
        assertArrayEquals(a.y().data(), b.y().data());
        assertNotEquals(Arrays.toString(a.y().data()), Arrays.toString(d.shuffle(8).y().data()));
        float[] seen = new float[50];
        for (int i = 0; i < 50; i++) {
            float first = a.x().get(i, 0);
            assertEquals(10 * first, a.x().get(i, 1));
            assertEquals(((int) first) % 3, (int) a.y().get(i));
            seen[i] = first;
        }
        Arrays.sort(seen);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, seen[i]);      // a permutation
        }
        assertEquals(0f, d.x().get(1, 0) - 1);   // the original is untouched
    }

    @ParameterizedTest
    @CsvSource({"10, 0.25, 7", "150, 0.2, 120", "10, 0.3, 7", "3, 0.5, 1", "1000, 0.1, 900", "7, 0.99, 0"})
    void splitTakesTheTailAsValidationLikeKeras(int n, double fraction, int train) {
        Dataset d = sample(n);
        if (train == 0) {
            var e = assertThrows(IllegalArgumentException.class, () -> d.split(fraction));
            assertTrue(e.getMessage().contains("both must be non-empty"), e.getMessage());
            return;
        }
        Dataset.Split s = d.split(fraction);
        assertEquals(train, s.train().size());
        assertEquals(n - train, s.validation().size());
        assertEquals(train, s.validation().x().get(0, 0));
        assertEquals(0f, s.train().x().get(0, 0));
    }

    @Test
    void splitRejectsFractionsOutsideOpenInterval() {
        for (double f : new double[] {0, 1, -0.1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> sample(10).split(f));
        }
    }

    @Test
    void batchesCoverEverySampleInOrder() {
        Dataset d = sample(10);
        List<Integer> sizes = new ArrayList<>();
        float next = 0;
        for (Dataset b : d.batches(4)) {
            sizes.add(b.size());
            for (int i = 0; i < b.size(); i++) {
                assertEquals(next++, b.x().get(i, 0));
            }
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(3, d.batchCount(4));
        assertEquals(1, d.batchCount(32));
        assertThrows(IllegalArgumentException.class, () -> d.batches(0));
    }

    @Test
    void takeAndSlice() {
        assertEquals(3, sample(10).take(3).size());
        assertEquals(10, sample(10).take(99).size());
        assertEquals(Shape.of(0, 2), sample(10).take(0).x().shape());
        assertThrows(IllegalArgumentException.class, () -> sample(10).take(-1));
        assertThrows(IllegalArgumentException.class, () -> sample(10).slice(5, 11));
    }

    @Test
    void oneHotLikeToCategorical() {
        Dataset d = sample(4).oneHot(3);
        assertEquals(Shape.of(4, 3), d.y().shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, d.y().data());
        Dataset column = new Dataset(Tensor.zeros(2, 1), new Tensor(Shape.of(2, 1), new float[] {1, 0}));
        assertArrayEquals(new float[] {0, 1, 1, 0}, column.oneHot(2).y().data());
        var e = assertThrows(IllegalArgumentException.class, () -> sample(4).oneHot(2));
        assertTrue(e.getMessage().contains("label 2.0 at sample 2"), e.getMessage());
        var frac = new Dataset(Tensor.zeros(1, 1), Tensor.of(new float[] {0.5f}));
        assertThrows(IllegalArgumentException.class, () -> frac.oneHot(2));
        assertThrows(IllegalArgumentException.class, () -> sample(4).oneHot(3).oneHot(3));
    }

    @Test
    void normalizeDividesFeaturesOnly() {
        Dataset d = sample(3).normalize(255f);
        assertArrayEquals(new float[] {0, 0, 1 / 255f, 10 / 255f, 2 / 255f, 20 / 255f}, d.x().data());
        assertArrayEquals(sample(3).y().data(), d.y().data());
        assertThrows(IllegalArgumentException.class, () -> sample(3).normalize(0));
    }

    @Test
    void standardizeFitsOnOneSetAndAppliesToAnother() {
        Dataset train = new Dataset(Tensor.of(new float[][] {{1, 5}, {3, 5}, {5, 5}, {7, 5}}), Tensor.zeros(4));
        Standardization st = train.fitStandardization();
        assertArrayEquals(new float[] {4, 5}, st.mean());
        assertArrayEquals(new float[] {(float) Math.sqrt(5), 0}, st.std());
        Dataset z = st.apply(train);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 4; i++) {
            sum += z.x().get(i, 0);
            sq += z.x().get(i, 0) * z.x().get(i, 0);
            assertEquals(0f, z.x().get(i, 1));     // constant feature: std floored, becomes 0
        }
        assertEquals(0, sum, 1e-6);
        assertEquals(4, sq, 1e-5);
        Dataset test = new Dataset(Tensor.of(new float[][] {{9, 6}}), Tensor.zeros(1));
        assertEquals((9 - 4) / Math.sqrt(5), st.apply(test).x().get(0, 0), 1e-6);
        assertEquals(1e7f, st.apply(test).x().get(0, 1), 1f);
        assertArrayEquals(z.x().data(), train.standardize().x().data());
        var e = assertThrows(IllegalArgumentException.class, () -> st.apply(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("2 features"), e.getMessage());
    }

    @Test
    void standardizeWorksPerPositionForImages() {
        Tensor images = new Tensor(Shape.of(2, 2, 2), new float[] {0, 2, 4, 6, 2, 2, 8, 10});
        Standardization st = Standardization.fit(images);
        assertArrayEquals(new float[] {1, 2, 6, 8}, st.mean());
        Tensor out = st.apply(images);
        assertEquals(Shape.of(2, 2, 2), out.shape());
        assertArrayEquals(new float[] {-1, 0, -1, -1, 1, 0, 1, 1}, out.data());
    }
}
