package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Expected values: Keras 3.15.1 (TensorFlow backend), same inputs as float32 numpy arrays, one
// update_state per batch and result() after each, e.g.
//   m = keras.metrics.BinaryAccuracy(); m.update_state(yt1, yp1, sample_weight=w1); m.result()
class AccuracyMetricsTest {
    private static final double TOL = 1e-6;

    // Binary batches: yTrue [5, 1] then [3] (rank mismatch on purpose), yPred [N, 1]; 0.5 is not > 0.5.
    static final Tensor BT1 = Tensor.of(new float[][] {{1}, {0}, {1}, {0}, {1}});
    static final Tensor BP1 = Tensor.of(new float[][] {{0.9f}, {0.5f}, {0.5f}, {0.2f}, {0.7f}});
    static final float[] BW1 = {1, 2, 0.5f, 1, 3};
    static final Tensor BT2 = Tensor.of(new float[] {0, 1, 1});
    static final Tensor BP2 = Tensor.of(new float[][] {{0.6f}, {0.3f}, {0.99f}});
    static final float[] BW2 = {2, 1, 1};

    // Categorical batches (with arg-max ties in rows 3 and 4 of the first).
    static final Tensor CT1 = Tensor.of(new float[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {0, 1, 0}});
    static final Tensor CP1 = Tensor.of(new float[][] {
        {0.1f, 0.2f, 0.7f}, {0.5f, 0.4f, 0.1f}, {0.4f, 0.4f, 0.2f}, {0.3f, 0.3f, 0.4f}});
    static final float[] CW1 = {1, 2, 3, 0.5f};
    static final Tensor CT2 = Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 1}});
    static final Tensor CP2 = Tensor.of(new float[][] {{0.2f, 0.3f, 0.5f}, {0.1f, 0.1f, 0.8f}});
    static final float[] CW2 = {1, 4};
    // The same labels as sparse: [4] then [2, 1].
    static final Tensor ST1 = Tensor.ofLabels(new int[] {2, 1, 0, 1});
    static final Tensor ST2 = Tensor.of(new float[][] {{0}, {2}});

    private static void assertRun(Metric m, double first, double second,
                                  Tensor t1, Tensor p1, float[] w1, Tensor t2, Tensor p2, float[] w2) {
        m.update(t1, p1, w1);
        assertEquals(first, m.result(), TOL, "after batch 1");
        m.update(t2, p2, w2);
        assertEquals(second, m.result(), TOL, "after batch 2");
        m.reset();
        assertEquals(0.0, m.result(), "after reset");
        m.update(t1, p1, w1);
        assertEquals(first, m.result(), TOL, "batch 1 again after reset");
    }

    @Test
    void binaryAccuracyMatchesKeras() {
        assertRun(new BinaryAccuracy(), 0.9333333373069763, 0.695652186870575, BT1, BP1, BW1, BT2, BP2, BW2);
        assertRun(new BinaryAccuracy(), 0.800000011920929, 0.625, BT1, BP1, null, BT2, BP2, null);
        assertRun(new BinaryAccuracy("binary_accuracy", 0.3f), 0.7333333492279053, 0.5652173757553101,
                BT1, BP1, BW1, BT2, BP2, BW2);
    }

    @Test
    void binaryAccuracyAgainstIndependentFormula() {
        // Batch 1 with weights, by hand: hits [1, 1, 0, 1, 1] · w [1, 2, .5, 1, 3] / 7.5.
        Metric m = new BinaryAccuracy();
        m.update(BT1, BP1, BW1);
        assertEquals(7.0 / 7.5, m.result(), 1e-12);
    }

    @Test
    void categoricalAccuracyMatchesKeras() {
        assertRun(new CategoricalAccuracy(), 0.6153846383094788, 0.695652186870575, CT1, CP1, CW1, CT2, CP2, CW2);
        assertRun(new CategoricalAccuracy(), 0.5, 0.5, CT1, CP1, null, CT2, CP2, null);
    }

    @Test
    void sparseCategoricalAccuracyMatchesKerasForLabelsOfShapeNAndN1() {
        assertRun(new SparseCategoricalAccuracy(), 0.6153846383094788, 0.695652186870575,
                ST1, CP1, CW1, ST2, CP2, CW2);
        assertRun(new SparseCategoricalAccuracy(), 0.5, 0.5, ST1, CP1, null, ST2, CP2, null);
    }

    @Test
    void sparseCategoricalAccuracyComparesFloatLabelsExactly() {
        // Keras: 0.5 for labels [2.7, 0.0] (2.7 never equals an index).
        Metric m = new SparseCategoricalAccuracy();
        m.update(Tensor.of(new float[] {2.7f, 0f}), Tensor.of(new float[][] {{0.1f, 0.2f, 0.7f}, {0.5f, 0.4f, 0.1f}}), null);
        assertEquals(0.5, m.result(), TOL);
    }

    @Test
    void topKCategoricalAccuracyMatchesKeras() {
        assertRun(new TopKCategoricalAccuracy(2), 1.0, 0.9130434989929199, CT1, CP1, CW1, CT2, CP2, CW2);
        assertRun(new TopKCategoricalAccuracy(1), 0.5, 0.5, CT1, CP1, null, CT2, CP2, null);
        Metric k5 = new TopKCategoricalAccuracy();   // k = 5 > 3 classes: always a hit
        k5.update(CT1, CP1, null);
        assertEquals(1.0, k5.result(), TOL);
    }

    @Test
    void sparseTopKCategoricalAccuracyMatchesKeras() {
        assertRun(new SparseTopKCategoricalAccuracy(2), 1.0, 0.9130434989929199, ST1, CP1, CW1, ST2, CP2, CW2);
        assertRun(new SparseTopKCategoricalAccuracy(1), 0.5, 0.5, ST1, CP1, null, ST2, CP2, null);
    }

    @Test
    void topKTiesAtTheBoundaryAllCountAsKerasOnTensorFlow() {
        Metric k1 = new SparseTopKCategoricalAccuracy(1);
        k1.update(Tensor.ofLabels(new int[] {0, 1}),
                Tensor.of(new float[][] {{0.5f, 0.5f, 0.4f}, {0.5f, 0.5f, 0.4f}}), null);
        assertEquals(1.0, k1.result(), TOL);           // Keras: 1.0
        Metric k2 = new SparseTopKCategoricalAccuracy(2);
        k2.update(Tensor.ofLabels(new int[] {0, 1}),
                Tensor.of(new float[][] {{0.3f, 0.3f, 0.4f}, {0.3f, 0.3f, 0.4f}}), null);
        assertEquals(1.0, k2.result(), TOL);           // Keras: 1.0
        Metric truncated = new SparseTopKCategoricalAccuracy(1);
        truncated.update(Tensor.of(new float[] {2.7f, 0.2f}),
                Tensor.of(new float[][] {{0.1f, 0.2f, 0.7f}, {0.5f, 0.4f, 0.1f}}), null);
        assertEquals(1.0, truncated.result(), TOL);    // Keras: 1.0 (labels cast to int: 2, 0)
    }

    @Test
    void accuracyIsExactEqualityAndMatchesKeras() {
        Metric m = new Accuracy();
        m.update(Tensor.of(new float[] {1, 2, 3, 4}), Tensor.of(new float[][] {{1}, {2}, {0}, {4}}),
                new float[] {1, 1, 2, 0});
        assertEquals(0.5, m.result(), TOL);            // Keras: 0.5
        m.update(Tensor.of(new float[][] {{5}, {6}}), Tensor.of(new float[] {5, 7}), null);
        assertEquals(0.5, m.result(), TOL);            // Keras: 0.5
    }

    @Test
    void perSampleValueIsTheMeanOverPositions() {
        // [N, T, C] scores with [N, T] labels: each sample counts once, its value the mean over T.
        Tensor yPred = new Tensor(Shape.of(2, 2, 2), new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f, 0.3f, 0.7f});
        Tensor yTrue = new Tensor(Shape.of(2, 2), new float[] {0, 0, 0, 1});
        Metric m = new SparseCategoricalAccuracy();
        m.update(yTrue, yPred, new float[] {1, 3});
        assertEquals((1 * 0.5 + 3 * 1.0) / 4, m.result(), 1e-12);
    }

    @Test
    void shapeErrorsNameTheMetricAndShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SparseCategoricalAccuracy().update(CT1, CP1, null));
        assertEquals("sparse_categorical_accuracy: yTrue [4, 3] must hold one label per row of yPred [4, 3]"
                + " (e.g. [N] or [N, 1] for [N, C])", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CategoricalAccuracy().update(ST1, CP1, null));
        assertThrows(IllegalArgumentException.class, () -> new BinaryAccuracy().update(BT2, BP1, null));
        assertThrows(IllegalArgumentException.class, () -> new BinaryAccuracy().update(BT1, BP1, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> new TopKCategoricalAccuracy(0));
        assertThrows(IllegalArgumentException.class, () -> new BinaryAccuracy("b", Float.NaN));
    }

    @Test
    void configsMatchKeras() {
        assertEquals(Map.of("name", "binary_accuracy", "dtype", "float32", "threshold", 0.5),
                new BinaryAccuracy().config());
        assertEquals(Map.of("name", "top_k_categorical_accuracy", "dtype", "float32", "k", 5),
                new TopKCategoricalAccuracy().config());
        assertEquals(Map.of("name", "categorical_accuracy", "dtype", "float32"), new CategoricalAccuracy().config());
    }
}
