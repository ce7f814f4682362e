package dev.jnn.metrics;

import static dev.jnn.metrics.AccuracyMetricsTest.BP1;
import static dev.jnn.metrics.AccuracyMetricsTest.BP2;
import static dev.jnn.metrics.AccuracyMetricsTest.BT1;
import static dev.jnn.metrics.AccuracyMetricsTest.BT2;
import static dev.jnn.metrics.AccuracyMetricsTest.BW1;
import static dev.jnn.metrics.AccuracyMetricsTest.BW2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.tensor.Tensor;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

// Expected values: Keras 3.15.1 (TensorFlow backend), e.g.
//   m = keras.metrics.Precision(top_k=2); m.update_state(yt, yp, sample_weight=w); m.result()
class PrecisionRecallTest {
    private static final double TOL = 1e-6;

    // Multi-label batch [4, 3] with a tie in row 1 (top_k keeps the lower index).
    static final Tensor MT = Tensor.of(new float[][] {{0, 1, 1}, {1, 0, 1}, {0, 0, 1}, {1, 1, 0}});
    static final Tensor MP = Tensor.of(new float[][] {
        {0.2f, 0.5f, 0.5f}, {0.6f, 0.1f, 0.3f}, {0.7f, 0.2f, 0.1f}, {0.3f, 0.3f, 0.4f}});
    static final float[] MW = {1, 2, 0.5f, 1};

    private static void assertTwoBatches(Metric m, double first, double second, boolean weighted) {
        m.update(BT1, BP1, weighted ? BW1 : null);
        assertEquals(first, m.result(), TOL);
        m.update(BT2, BP2, weighted ? BW2 : null);
        assertEquals(second, m.result(), TOL);
        m.reset();
        assertEquals(0.0, m.result());
    }

    @Test
    void precisionMatchesKeras() {
        assertTwoBatches(new Precision(), 1.0, 0.7142857313156128, true);
        assertTwoBatches(new Precision(), 1.0, 0.75, false);
        assertTwoBatches(new Precision("precision", new Precision.Config(0.4f, null, null)),
                0.692307710647583, 0.5789473652839661, true);
    }

    @Test
    void recallMatchesKeras() {
        assertTwoBatches(new Recall(), 0.8888888955116272, 0.7692307829856873, true);
        assertTwoBatches(new Recall(), 0.6666666865348816, 0.6000000238418579, false);
        assertTwoBatches(new Recall("recall", new Recall.Config(0.4f, null, null)),
                1.0, 0.8461538553237915, true);
    }

    @Test
    void countsAgainstIndependentFormula() {
        // Both batches weighted, by hand: positive decisions p > 0.5 are 0.9, 0.7, 0.6, 0.99.
        double tp = 1 + 3 + 1;           // (1, 0.9), (1, 0.7), (1, 0.99)
        double fp = 2;                   // (0, 0.6) with weight 2
        double fn = 0.5 + 1;             // (1, 0.5) with weight 0.5, (1, 0.3) with weight 1
        Metric p = new Precision();
        Metric r = new Recall();
        for (Metric m : new Metric[] {p, r}) {
            m.update(BT1, BP1, BW1);
            m.update(BT2, BP2, BW2);
        }
        assertEquals(tp / (tp + fp), p.result(), 1e-12);
        assertEquals(tp / (tp + fn), r.result(), 1e-12);
    }

    private static double precision(Float threshold, Integer topK, Integer classId) {
        Metric m = new Precision("precision", new Precision.Config(threshold, topK, classId));
        m.update(MT, MP, MW);
        return m.result();
    }

    private static double recall(Float threshold, Integer topK, Integer classId) {
        Metric m = new Recall("recall", new Recall.Config(threshold, topK, classId));
        m.update(MT, MP, MW);
        return m.result();
    }

    @Test
    void topKAndClassIdMatchKeras() {
        assertEquals(0.6666666865348816, precision(null, 1, null), TOL);
        assertEquals(0.3529411852359772, recall(null, 1, null), TOL);
        assertEquals(0.7777777910232544, precision(null, 2, null), TOL);
        assertEquals(0.8235294222831726, recall(null, 2, null), TOL);
        assertEquals(0.800000011920929, precision(null, null, 0), TOL);
        assertEquals(0.0, precision(null, null, 1), TOL);
        assertEquals(0.0, precision(null, null, 2), TOL);
        assertEquals(1.0, recall(0.25f, null, 0), TOL);
        assertEquals(1.0, recall(0.25f, null, 1), TOL);
        assertEquals(0.8571428656578064, recall(0.25f, null, 2), TOL);
        assertEquals(0.75, precision(null, 2, 2), TOL);
        assertEquals(0.47058823704719543, recall(0.35f, 2, null), TOL);
    }

    @Test
    void invalidOptionsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Precision.Config(1.5f, null, null));
        assertEquals("threshold must be in [0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Recall.Config(null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Recall.Config(null, null, -1));
        Metric m = new Precision("precision", new Precision.Config(null, null, 3));
        assertThrows(IllegalArgumentException.class, () -> m.update(MT, MP, null));
    }

    @Test
    void configMatchesKeras() {
        var expected = new HashMap<String, Object>();
        expected.put("name", "precision");
        expected.put("dtype", "float32");
        expected.put("thresholds", null);
        expected.put("top_k", null);
        expected.put("class_id", null);
        assertEquals(expected, new HashMap<>(new Precision().config()));
        expected.put("name", "recall");
        expected.put("thresholds", 0.25);
        expected.put("class_id", 1);
        assertEquals(expected, new HashMap<>(new Recall("recall", new Recall.Config(0.25f, null, 1)).config()));
    }
}
