package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnn.tensor.Shape;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real datasets when ../shared/datasets (or JNN_DATA) is present; skips otherwise. */
class DatasetsTest {
    private static int[] counts(Dataset d, int classes) {
        int[] c = new int[classes];
        for (float v : d.y().data()) {
            c[(int) v]++;
        }
        return c;
    }

    @Test
    void dirEndsInSharedDatasetsOrJnnData() {
        String env = System.getenv(Datasets.ENV);
        if (env == null || env.isBlank()) {
            assertTrue(Datasets.dir().endsWith("shared/datasets"), Datasets.dir().toString());
        } else {
            assertEquals(env, Datasets.dir().toString());
        }
    }

    @Test
    void missingFileNamesPathAndVariable(@TempDir Path empty) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(FileNotFoundException.class,
                () -> Datasets.require(empty, "sklearn/iris.csv"));
        assertTrue(e.getMessage().contains("iris.csv") && e.getMessage().contains("JNN_DATA"), e.getMessage());
    }

    @Test
    void iris() throws IOException {
        assumeTrue(Datasets.available("sklearn/iris.csv"), "no " + Datasets.dir());
        Dataset d = Datasets.iris();
        assertEquals(Shape.of(150, 4), d.x().shape());
        assertArrayEquals(new int[] {50, 50, 50}, counts(d, 3));
    }

    @Test
    void wineAndBreastCancer() throws IOException {
        assumeTrue(Datasets.available("sklearn/wine_data.csv") && Datasets.available("sklearn/breast_cancer.csv"));
        Dataset wine = Datasets.wine();
        assertEquals(Shape.of(178, 13), wine.x().shape());
        assertArrayEquals(new int[] {59, 71, 48}, counts(wine, 3));
        Dataset bc = Datasets.breastCancer();
        assertEquals(Shape.of(569, 30), bc.x().shape());
        assertArrayEquals(new int[] {212, 357}, counts(bc, 2));
    }

    @Test
    void digits() throws IOException {
        assumeTrue(Datasets.available("sklearn/digits.csv.gz"));
        Dataset d = Datasets.digits();
        assertEquals(Shape.of(1797, 64), d.x().shape());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts(d, 10));
        float max = 0;
        for (float v : d.x().data()) {
            max = Math.max(max, v);
        }
        assertEquals(16f, max);
    }

    @Test
    void mnistTestSplit() throws IOException {
        // The training half takes ~1 s to inflate; the test half and the label counts are checked here.
        assumeTrue(Datasets.available("mnist/t10k-images-idx3-ubyte.gz"));
        var x = Idx.read(Datasets.dir().resolve("mnist/t10k-images-idx3-ubyte.gz"));
        int[] y = Idx.readLabels(Datasets.dir().resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        assertEquals(Shape.of(10000, 28, 28), x.shape());
        int[] c = new int[10];
        for (int v : y) {
            c[v]++;
        }
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, c);
        int[] trainLabels = Idx.readLabels(Datasets.dir().resolve("mnist/train-labels-idx1-ubyte.gz"));
        assertEquals(60000, trainLabels.length);
    }

    @Test
    void fashionMnistLoadsBothHalves() throws IOException {
        assumeTrue(Datasets.available("fashion-mnist/train-images-idx3-ubyte.gz"));
        Datasets.TrainTest t = Datasets.fashionMnist();
        assertEquals(Shape.of(60000, 28, 28), t.train().x().shape());
        assertEquals(Shape.of(10000, 28, 28), t.test().x().shape());
        int[] c = counts(t.test(), 10);
        for (int v : c) {
            assertEquals(1000, v);
        }
    }
}
