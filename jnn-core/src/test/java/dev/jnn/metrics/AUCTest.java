package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.metrics.AUC.Curve;
import dev.jnn.metrics.AUC.SummationMethod;
import dev.jnn.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

// Expected values: Keras 3.15.1 (TensorFlow backend), e.g.
//   m = keras.metrics.AUC(num_thresholds=5, summation_method="minoring")
//   m.update_state(yt1, yp1, sample_weight=w1); m.result(); m.update_state(yt2, yp2, ...); m.result()
// The data has scores of exactly 0, 1, 0.25, 0.5, 0.75 (on thresholds when T = 5) and scores outside
// [0, 1] that Keras clips.
class AUCTest {
    private static final double TOL = 1e-6;
    static final Tensor T1 = Tensor.of(new float[] {0, 0, 1, 1, 0, 1, 0, 1, 1, 0});
    static final Tensor P1 = Tensor.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f, 0.5f, 0.5f, 0.0f, 1.0f, 0.25f, 0.75f});
    static final float[] W1 = {1, 2, 1, 0.5f, 1, 3, 1, 1, 2, 1};
    static final Tensor T2 = Tensor.of(new float[][] {{1}, {0}, {1}, {0}});
    static final Tensor P2 = Tensor.of(new float[][] {{-0.2f}, {1.3f}, {0.6f}, {0.05f}});
    static final float[] W2 = {1, 1, 2, 2};

    private static void assertRun(AUC.Config config, double first, double second, boolean weighted) {
        Metric m = new AUC("auc", config);
        m.update(T1, P1, weighted ? W1 : null);
        assertEquals(first, m.result(), TOL, "after batch 1");
        m.update(T2, P2, weighted ? W2 : null);
        assertEquals(second, m.result(), TOL, "after batch 2");
        m.reset();
        assertEquals(0.0, m.result(), "after reset");
        m.update(T1, P1, weighted ? W1 : null);
        assertEquals(first, m.result(), TOL, "batch 1 after reset");
    }

    private static AUC.Config config(int thresholds, Curve curve, SummationMethod method) {
        return new AUC.Config(thresholds, curve, method, false);
    }

    @Test
    void rocDefaultMatchesKeras() {
        assertRun(AUC.Config.defaults(), 0.6333333253860474, 0.6190476417541504, true);
        assertRun(AUC.Config.defaults(), 0.699999988079071, 0.581632673740387, false);
        Metric m = new AUC();
        m.update(Tensor.of(new float[] {0, 0, 1, 1}), Tensor.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}), null);
        assertEquals(0.75, m.result(), TOL);
    }

    @Test
    void fewThresholdsAndSummationMethodsMatchKeras() {
        assertRun(config(5, Curve.ROC, SummationMethod.INTERPOLATION), 0.5555555820465088, 0.5899471640586853, true);
        assertRun(config(5, Curve.ROC, SummationMethod.MINORING), 0.37777775526046753, 0.4444444477558136, true);
        assertRun(config(5, Curve.ROC, SummationMethod.MAJORING), 0.7333333492279053, 0.7354497313499451, true);
    }

    @Test
    void precisionRecallCurvesMatchKeras() {
        assertRun(config(200, Curve.PR, SummationMethod.INTERPOLATION), 0.7029518485069275, 0.5950729846954346, true);
        assertRun(config(5, Curve.PR, SummationMethod.INTERPOLATION), 0.662930428981781, 0.5993416905403137, true);
        assertRun(config(5, Curve.PR, SummationMethod.MAJORING), 0.6743859648704529, 0.6207792162895203, true);
        assertRun(config(5, Curve.PRGAIN, SummationMethod.INTERPOLATION), 0.09090906381607056, 0.19999998807907104, true);
        assertRun(config(200, Curve.PRGAIN, SummationMethod.INTERPOLATION), 0.14351847767829895, 0.2585465610027313, true);
    }

    @Test
    void logitsAndDegenerateLabelsMatchKeras() {
        Metric logits = new AUC("auc", new AUC.Config(200, Curve.ROC, SummationMethod.INTERPOLATION, true));
        logits.update(Tensor.of(new float[] {0, 1, 1, 0}), Tensor.of(new float[] {-2f, 0.5f, 3f, 0.1f}),
                new float[] {1, 2, 1, 1});
        assertEquals(1.0, logits.result(), TOL);
        Metric negatives = new AUC();
        negatives.update(Tensor.of(new float[] {0, 0}), Tensor.of(new float[] {0.2f, 0.7f}), null);
        assertEquals(0.0, negatives.result(), TOL);
    }

    @Test
    void rocAgainstDirectThresholdCounting() {
        // Independent formula: count p > threshold for every threshold directly, in double, then the
        // trapezoid sum. Random scores avoid the float32 bucket edge, so both must agree closely.
        var rnd = new Random(11);
        int n = 300;
        float[] labels = new float[n];
        float[] scores = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextBoolean() ? 1 : 0;
            scores[i] = (float) Math.min(1, Math.max(0, 0.5 + 0.3 * rnd.nextGaussian() + 0.2 * labels[i]));
            weights[i] = rnd.nextFloat();
        }
        int t = 200;
        double[] thresholds = new double[t];
        for (int i = 0; i < t; i++) {
            thresholds[i] = i == 0 ? -1e-7 : i == t - 1 ? 1 + 1e-7 : (double) i / (t - 1);
        }
        double[] tpr = new double[t];
        double[] fpr = new double[t];
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 1) {
                pos += weights[i];
            } else {
                neg += weights[i];
            }
        }
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                if (scores[i] > thresholds[k]) {
                    if (labels[i] == 1) {
                        tpr[k] += weights[i] / pos;
                    } else {
                        fpr[k] += weights[i] / neg;
                    }
                }
            }
        }
        double expected = 0;
        for (int k = 0; k < t - 1; k++) {
            expected += (fpr[k] - fpr[k + 1]) * (tpr[k] + tpr[k + 1]) / 2;
        }
        Metric auc = new AUC();
        auc.update(Tensor.of(labels).reshape(dev.jnn.tensor.Shape.of(n, 1)),
                Tensor.of(scores).reshape(dev.jnn.tensor.Shape.of(n, 1)), weights);
        assertEquals(expected, auc.result(), 1e-9);
    }

    @Test
    void optionsAreValidatedAndParsed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new AUC.Config(1, Curve.ROC, SummationMethod.INTERPOLATION, false));
        assertEquals("numThresholds must be > 1, got 1", e.getMessage());
        assertEquals(Curve.PR, Curve.of("pr"));
        assertEquals(SummationMethod.MAJORING, SummationMethod.of("Majoring"));
        assertThrows(IllegalArgumentException.class, () -> Curve.of("auc"));
        assertThrows(IllegalArgumentException.class, () -> SummationMethod.of("trapezoid"));
    }

    @Test
    void configMatchesKeras() {
        var c = new AUC().config();
        assertEquals("auc", c.get("name"));
        assertEquals(200, c.get("num_thresholds"));
        assertEquals("ROC", c.get("curve"));
        assertEquals("interpolation", c.get("summation_method"));
        assertEquals(false, c.get("multi_label"));
        assertEquals(false, c.get("from_logits"));
    }
}
