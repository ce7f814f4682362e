package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.layers.AdditiveAttention;
import dev.jnn.layers.Layer;
import dev.jnn.models.Model;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AdditiveAttention read from Keras 3.15.1's functional configs (make_layers5_golden.py, call arguments
 * included): outputs, returned scores and the gradients of {@code sum(y²)} for every input and the scale.
 */
class AdditiveAttentionGoldenTest {
    private static Tensor tensor(JsonNode node) {
        return new Tensor(GoldenFiles.shape(node.get("shape")), GoldenFiles.floats(node.get("values")));
    }

    private static void check(String name) throws Exception {
        JsonNode golden = GoldenFiles.read("/golden/layers5/" + name + ".json");
        Model model = KerasConfig.modelFromJson(golden.get("model_config"));
        Layer layer = model.layers().stream().filter(l -> l instanceof AdditiveAttention).findFirst().orElseThrow();
        List<Parameter> weights = layer.parameters();
        assertEquals(golden.get("weights").size(), weights.size(), name + ": weights");
        for (int i = 0; i < weights.size(); i++) {
            assertEquals(golden.get("weight_names").get(i).asText(), weights.get(i).name());
            Tensor w = tensor(golden.get("weights").get(i));
            assertEquals(w.shape(), weights.get(i).shape());
            System.arraycopy(w.data(), 0, weights.get(i).value().data(), 0, w.size());
            weights.get(i).value().zeroGrad();
        }
        List<Tensor> xs = new ArrayList<>();
        for (JsonNode in : golden.get("inputs")) {
            Tensor x = tensor(in);
            x.markRequiresGrad();
            x.zeroGrad();
            xs.add(x);
        }
        List<Tensor> ys;
        try (GradientTape tape = GradientTape.open()) {
            ys = layer.call(xs, false);
            Tensor y = ys.get(0);
            for (int i = 0; i < y.size(); i++) {
                y.grad()[i] = 2 * y.data()[i];
            }
            tape.backward();
        }
        GoldenFiles.assertClose(name + " y", tensor(golden.get("y")).data(), ys.get(0).data(), 1e-5);
        if (golden.has("scores")) {
            GoldenFiles.assertClose(name + " scores", tensor(golden.get("scores")).data(), ys.get(1).data(), 1e-5);
        }
        for (int k = 0; k < xs.size(); k++) {
            GoldenFiles.assertClose(name + " grad input " + k, GoldenFiles.floats(golden.get("grad_inputs").get(k)),
                    xs.get(k).grad(), 1e-5);
        }
        for (int i = 0; i < weights.size(); i++) {
            GoldenFiles.assertClose(name + " grad " + weights.get(i).name(),
                    GoldenFiles.floats(golden.get("grad_weights").get(i)), weights.get(i).grad(), 1e-5);
        }
    }

    @Test
    void matchesKerasAndRoundTrips() throws Exception {
        check("additive_attention");
        JsonNode golden = GoldenFiles.read("/golden/layers5/additive_attention.json");
        Model model = KerasConfig.modelFromJson(golden.get("model_config"));
        assertNull(JsonDiff.diff(golden.get("model_config"), KerasConfig.modelToJson(model)));
        assertNull(JsonDiff.diff(golden.get("legacy_model_config"), KerasConfig.modelToLegacyJson(model)));
    }

    @Test
    void withoutScaleWithKeyAndScores() throws Exception {
        check("additive_attention_no_scale_key_scores");
    }

    @Test
    void causalIsReadFromTheCallArguments() throws Exception {
        check("additive_attention_causal");
        JsonNode golden = GoldenFiles.read("/golden/layers5/additive_attention_causal.json");
        Model model = KerasConfig.modelFromJson(golden.get("model_config"));
        var e = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelToJson(model));
        assertTrue(e.getMessage().contains("use_causal_mask"), e.getMessage());
    }
}
