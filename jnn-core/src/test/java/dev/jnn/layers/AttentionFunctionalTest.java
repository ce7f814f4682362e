package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.models.CompileOptions;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The new layers inside functional models: they build from symbolic shapes, train, and summarize. */
class AttentionFunctionalTest {
    @Test
    void aSmallTransformerBlockLearnsWhetherATokenOccurs() {
        SeedGenerator.setGlobalSeed(11);
        SymbolicTensor ids = Input.tensor(6);
        SymbolicTensor e = Embedding.builder(8, 8).maskZero(true).build().apply(ids);
        SymbolicTensor att = MultiHeadAttention.builder(2, 4).build().apply(e, e);
        SymbolicTensor h = new LayerNormalization().apply(new Add().apply(e, att));
        SymbolicTensor pooled = new GlobalAveragePooling1D().apply(new TimeDistributed(new Dense(8, "relu")).apply(h));
        SymbolicTensor out = new Dense(2, "softmax").apply(pooled);
        Functional model = Model.of(ids, out);
        Tensor x = Tensor.zeros(64, 6);
        int[] labels = new int[64];
        for (int r = 0; r < 64; r++) {
            for (int t = 0; t < 6; t++) {
                x.data()[r * 6 + t] = t >= 4 + (r % 3 == 0 ? 1 : 0) ? 0 : 1 + (r * 7 + t * 3) % 6;
            }
            for (int t = 0; t < 6; t++) {
                labels[r] |= x.data()[r * 6 + t] == 3f ? 1 : 0;
            }
        }
        model.compile(CompileOptions.builder().loss("sparse_categorical_crossentropy").optimizer("adam")
                .metrics("accuracy").build());
        var history = model.fit(x, Tensor.ofLabels(labels), FitOptions.builder().epochs(40).batchSize(16).verbose(0)
                .build()).history();
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.6 * loss.get(0), "loss falls: " + loss);
        String summary = model.summaryText();
        assertTrue(summary.contains("multi_head_attenti") && summary.contains("(Add)")
                && summary.contains("(TimeDistributed)") && summary.contains("288"), summary);
    }

    @Test
    void twoBranchesMergedByConcatenateAndDotTrain() {
        SeedGenerator.setGlobalSeed(12);
        SymbolicTensor a = Input.tensor(3);
        SymbolicTensor b = Input.tensor(4);
        SymbolicTensor ha = new Dense(4, "tanh").apply(a);
        SymbolicTensor hb = new Dense(4, "tanh").apply(b);
        SymbolicTensor merged = new Concatenate().apply(ha, hb, new Dot(1, true).apply(ha, hb));
        SymbolicTensor out = new Dense(1).apply(new Multiply().apply(new Dense(9).apply(merged), merged));
        Functional model = Model.of(List.of(a, b), List.of(out));
        assertEquals(List.of(dev.jnn.tensor.Shape.of(9)), new Concatenate().outputShapes(List.of(
                dev.jnn.tensor.Shape.of(4), dev.jnn.tensor.Shape.of(4), dev.jnn.tensor.Shape.of(1))));
        Tensor xa = Tensor.zeros(32, 3);
        Tensor xb = Tensor.zeros(32, 4);
        Tensor y = Tensor.zeros(32, 1);
        for (int r = 0; r < 32; r++) {
            for (int j = 0; j < 3; j++) {
                xa.data()[r * 3 + j] = (float) Math.sin(r + j);
            }
            for (int j = 0; j < 4; j++) {
                xb.data()[r * 4 + j] = (float) Math.cos(2 * r + j);
            }
            y.data()[r] = xa.data()[r * 3] * xb.data()[r * 4 + 1];
        }
        model.compile(CompileOptions.builder().loss("mse").optimizer("adam").build());
        List<Double> loss = model.fit(List.of(xa, xb), List.of(y), FitOptions.builder().epochs(60).batchSize(8)
                .verbose(0).build()).history().get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "loss falls: " + loss);
    }
}
