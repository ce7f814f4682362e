package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MultiHeadAttention and Attention against real Keras 3 (golden files from
 * {@code tools/golden/make_attention_golden.py}): outputs, output masks, and the gradients of
 * {@code Σ sum(r_i ⊙ y_i)} for every input and weight.
 */
class AttentionGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"mha_self", "mha_cross_key_value_dim", "mha_output_shape_no_bias", "mha_causal",
            "mha_masked", "mha_masked_key", "mha_scores", "mha_scores_causal_masked", "mha_rank4", "attention_dot",
            "attention_dot_key_scale", "attention_concat", "attention_concat_scale", "attention_causal",
            "attention_masked", "attention_scores"})
    void matchesKeras(String name) throws IOException {
        JsonNode spec = GoldenFiles.read("/golden/attention/" + name + ".json");
        Layer layer = layerFrom(spec);
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < spec.get("inputs").size(); i++) {
            Tensor x = NormGolden.tensor(spec.get("inputs").get(i));
            JsonNode mask = spec.get("masks").get(i);
            if (!mask.isNull()) {
                int[] d = x.shape().dims();
                x.setMask(new Tensor(Shape.of(Arrays.copyOf(d, d.length - 1)), GoldenFiles.floats(mask)));
            }
            x.markRequiresGrad();
            x.zeroGrad();
            xs.add(x);
        }
        List<Tensor> inputs = spec.get("self_attention").asBoolean() ? List.of(xs.get(0), xs.get(0)) : xs;
        List<Shape> samples = inputs.stream().map(t -> t.shape().withoutBatch()).toList();
        layer.build(samples, false);
        JsonNode weights = spec.get("weights");
        assertEquals(weights.size(), layer.parameters().size(), name + ": number of weights");
        for (int i = 0; i < weights.size(); i++) {
            Parameter p = layer.parameters().get(i);
            Tensor w = NormGolden.tensor(weights.get(i));
            assertEquals(weights.get(i).get("name").asText(), p.name(), name + ": weight " + i + " name");
            assertEquals(w.shape(), p.shape(), name + ": weight " + p.name() + " shape");
            System.arraycopy(w.data(), 0, p.value().data(), 0, w.size());
            p.value().zeroGrad();
        }
        List<Tensor> ys;
        try (GradientTape tape = GradientTape.open()) {
            ys = layer.call(inputs, false);
            for (int i = 0; i < ys.size(); i++) {
                float[] r = GoldenFiles.floats(spec.get("r").get(i));
                System.arraycopy(r, 0, ys.get(i).grad(), 0, r.length);
            }
            tape.backward();
        }
        assertEquals(spec.get("outputs").size(), ys.size(), name + ": number of outputs");
        for (int i = 0; i < ys.size(); i++) {
            NormGolden.assertClose(name + " output " + i, NormGolden.tensor(spec.get("outputs").get(i)), ys.get(i));
        }
        if (spec.get("mask").isNull()) {
            assertNull(ys.get(0).mask(), name + ": Keras gives no output mask");
        } else {
            NormGolden.assertClose(name + " mask", NormGolden.tensor(spec.get("mask")), ys.get(0).mask());
        }
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = xs.get(i);
            NormGolden.assertClose(name + " d input " + i,
                    new Tensor(x.shape(), GoldenFiles.floats(spec.get("grad_inputs").get(i))),
                    new Tensor(x.shape(), x.grad()));
        }
        for (int i = 0; i < layer.parameters().size(); i++) {
            Parameter p = layer.parameters().get(i);
            NormGolden.assertClose(name + " d" + p.name(),
                    new Tensor(p.shape(), GoldenFiles.floats(spec.get("grad_weights").get(i))),
                    new Tensor(p.shape(), p.grad()));
        }
    }

    static Layer layerFrom(JsonNode spec) {
        JsonNode c = spec.get("config");
        JsonNode call = spec.get("call");
        boolean causal = call.has("use_causal_mask") && call.get("use_causal_mask").asBoolean();
        boolean scores = call.has("return_attention_scores") && call.get("return_attention_scores").asBoolean();
        if (spec.get("class").asText().equals("MultiHeadAttention")) {
            var b = MultiHeadAttention.builder(c.get("num_heads").asInt(), c.get("key_dim").asInt())
                    .useCausalMask(causal).returnAttentionScores(scores);
            if (c.has("value_dim")) {
                b.valueDim(c.get("value_dim").asInt());
            }
            if (c.has("output_shape")) {
                b.outputShape(c.get("output_shape").asInt());
            }
            if (c.has("use_bias")) {
                b.useBias(c.get("use_bias").asBoolean());
            }
            return b.build();
        }
        var config = Attention.Config.defaults().withUseCausalMask(causal).withReturnAttentionScores(scores);
        if (c.has("use_scale")) {
            config = config.withUseScale(c.get("use_scale").asBoolean());
        }
        if (c.has("score_mode")) {
            config = config.withScoreMode(c.get("score_mode").asText());
        }
        return new Attention(config);
    }
}
