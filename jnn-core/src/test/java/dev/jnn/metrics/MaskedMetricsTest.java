package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Mean metrics on predictions carrying a Keras mask (padded time steps), against Keras 3.15.1
 * (tools/golden/make_masked_metrics_golden.py): masked positions count for nothing, per-sample
 * weights scale the kept ones, and a sample with no kept step adds nothing.
 */
class MaskedMetricsTest {
    @TestFactory
    List<DynamicTest> meanMetricsSkipMaskedPositionsAsKerasDoes() throws IOException {
        JsonNode golden = GoldenFiles.read("/golden/metrics/masked_metrics.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                JsonNode first = c.get("steps").get(0);
                String name = c.get("metric").asText();
                Metric metric = c.get("name").asText().equals("sparse_top_k_categorical_accuracy")
                        ? new SparseTopKCategoricalAccuracy(name, 2)   // the generator's k
                        : Metrics.get(name, GoldenFiles.shape(first.get("y_true").get("shape")),
                                GoldenFiles.shape(first.get("y_pred").get("shape")));
                int step = 0;
                for (JsonNode s : c.get("steps")) {
                    Tensor yPred = tensor(s.get("y_pred"));
                    yPred.setMask(tensor(s.get("mask")));
                    JsonNode weights = s.get("sample_weight");
                    float[] w = weights == null || weights.isNull() ? null : GoldenFiles.floats(weights);
                    metric.update(tensor(s.get("y_true")), yPred, w);
                    double expected = s.get("result").asDouble();
                    assertEquals(expected, metric.result(), 2e-6 * Math.max(1, Math.abs(expected)),
                            c.get("name").asText() + " after batch " + step);
                    step++;
                }
            }));
        }
        return tests;
    }

    @Test
    void withoutAMaskEveryPositionCounts() {
        Metric masked = new SparseCategoricalAccuracy();
        Metric plain = new SparseCategoricalAccuracy();
        Tensor yTrue = Tensor.of(new float[][] {{0, 1}, {1, 1}});
        float[][][] scores = {{{0.9f, 0.1f}, {0.8f, 0.2f}}, {{0.3f, 0.7f}, {0.6f, 0.4f}}};
        Tensor yPred = new Tensor(dev.jnn.tensor.Shape.of(2, 2, 2), flatten(scores));
        plain.update(yTrue, yPred, null);
        assertEquals(0.5, plain.result(), 1e-12);
        Tensor withMask = new Tensor(dev.jnn.tensor.Shape.of(2, 2, 2), flatten(scores));
        withMask.setMask(Tensor.of(new float[][] {{1, 0}, {1, 0}}));
        masked.update(yTrue, withMask, null);
        assertEquals(1.0, masked.result(), 1e-12, "only the first step of each sample is kept, both right");
    }

    @Test
    void aMaskOfAnotherShapeIsRefusedByName() {
        Metric m = new MeanAbsoluteError();
        Tensor yPred = Tensor.zeros(3, 4, 2);
        yPred.setMask(Tensor.zeros(3, 5));
        var e = assertThrows(IllegalArgumentException.class, () -> m.update(Tensor.zeros(3, 4, 2), yPred, null));
        assertTrue(e.getMessage().contains("mean_absolute_error") && e.getMessage().contains("[3, 5]"),
                e.getMessage());
    }

    private static Tensor tensor(JsonNode node) {
        return new Tensor(GoldenFiles.shape(node.get("shape")), GoldenFiles.floats(node.get("values")));
    }

    private static float[] flatten(float[][][] values) {
        List<Float> all = new ArrayList<>();
        for (float[][] a : values) {
            for (float[] b : a) {
                for (float v : b) {
                    all.add(v);
                }
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }
}
