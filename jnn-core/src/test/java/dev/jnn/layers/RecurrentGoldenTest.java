package dev.jnn.layers;

import static dev.jnn.testing.GoldenFiles.floats;
import static dev.jnn.testing.GoldenFiles.read;
import static dev.jnn.testing.GoldenFiles.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SimpleRNN, LSTM, GRU and Bidirectional against real Keras 3 (golden files from
 * {@code tools/golden/make_rnn_golden.py}): every output of the call (with masks given directly or made by
 * a Masking layer, initial states, return_state) and the gradients of {@code sum(out²)} over all outputs with respect to the input, the
 * initial states and every weight.
 */
class RecurrentGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"simple_rnn_last", "simple_rnn_seq_relu_backwards", "simple_rnn_mask_seq", "lstm_last",
            "lstm_seq", "lstm_backwards_seq_nobias", "lstm_mask_seq", "lstm_mask_state", "lstm_initial_state",
            "lstm_hard_sigmoid_relu", "gru_last", "gru_seq_reset_before", "gru_mask_backwards_seq",
            "gru_reset_before_mask_state", "gru_initial_state", "bidirectional_lstm_concat_seq_mask",
            "bidirectional_gru_sum", "bidirectional_simple_rnn_ave_seq", "bidirectional_lstm_mul_mask",
            "bidirectional_gru_none_seq", "masking_lstm_seq", "masking_gru_last"})
    void matchesKeras(String name) throws IOException {
        JsonNode spec = read("/golden/rnn/" + name + ".json");
        RecurrentLayer inner = layerFrom(spec.get("class").asText(), spec.get("config"));
        Layer layer = spec.get("bidirectional").asBoolean()
                ? new Bidirectional(inner, spec.get("merge_mode").isNull() ? null : spec.get("merge_mode").asText())
                : inner;
        Shape inShape = shape(spec.get("input_shape"));
        Tensor x = new Tensor(inShape, floats(spec.get("x")));
        x.markRequiresGrad();
        x.zeroGrad();
        if (!spec.get("mask").isNull()) {
            x.setMask(new Tensor(Shape.of(inShape.dim(0), inShape.dim(1)), floats(spec.get("mask"))));
        }
        List<Tensor> inputs = new ArrayList<>(List.of(x));
        for (JsonNode s : spec.get("initial_states")) {
            Tensor state = new Tensor(Shape.of(inShape.dim(0), inner.units()), floats(s));
            state.markRequiresGrad();
            state.zeroGrad();
            inputs.add(state);
        }
        List<Shape> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            shapes.add(t.shape().withoutBatch());
        }
        layer.build(shapes, false);

        List<Parameter> params = layer.parameters();
        JsonNode weights = spec.get("weights");
        GoldenFiles.loadWeights(name, weights, params);
        for (int i = 0; i < params.size(); i++) {
            String kerasName = weights.get(i).get("name").asText();
            assertEquals(kerasName.substring(kerasName.lastIndexOf('/') + 1), params.get(i).name(),
                    name + ": weight " + i + " name");
        }

        List<Tensor> outputs;
        try (GradientTape tape = GradientTape.open()) {
            if (spec.get("masking").asBoolean()) {
                inputs.set(0, new Masking().call(x, false));
            }
            outputs = layer.call(inputs, false);
            for (Tensor out : outputs) {
                float[] g = out.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += 2f * out.data()[i];
                }
            }
            tape.backward();
        }
        JsonNode expected = spec.get("outputs");
        assertEquals(expected.size(), outputs.size(), name + ": number of outputs");
        for (int i = 0; i < outputs.size(); i++) {
            assertEquals(shape(expected.get(i).get("shape")), outputs.get(i).shape(), name + ": output " + i + " shape");
            assertClose(name + " output " + i, floats(expected.get(i).get("values")), outputs.get(i).data());
        }
        assertClose(name + " dx", floats(spec.get("grad_x")), x.grad());
        for (int i = 1; i < inputs.size(); i++) {
            assertClose(name + " d state " + (i - 1), floats(spec.get("grad_states").get(i - 1)), inputs.get(i).grad());
        }
        JsonNode gradWeights = spec.get("grad_weights");
        for (int i = 0; i < params.size(); i++) {
            assertClose(name + " d" + params.get(i).name() + " (" + i + ")", floats(gradWeights.get(i)),
                    params.get(i).grad());
        }
    }

    static RecurrentLayer layerFrom(String className, JsonNode c) {
        int units = c.get("units").asInt();
        return switch (className) {
            case "SimpleRNN" -> configure(SimpleRNN.builder(units), c).build();
            case "LSTM" -> {
                LSTM.Builder b = configure(LSTM.builder(units), c);
                if (c.has("recurrent_activation")) {
                    b.recurrentActivation(c.get("recurrent_activation").asText());
                }
                yield b.build();
            }
            case "GRU" -> {
                GRU.Builder b = configure(GRU.builder(units), c);
                if (c.has("reset_after")) {
                    b.resetAfter(c.get("reset_after").asBoolean());
                }
                yield b.build();
            }
            default -> throw new IllegalArgumentException("unknown class " + className);
        };
    }

    private static <B extends RecurrentLayer.Builder<B>> B configure(B b, JsonNode c) {
        if (c.has("activation")) {
            b.activation(c.get("activation").asText());
        }
        if (c.has("use_bias")) {
            b.useBias(c.get("use_bias").asBoolean());
        }
        return b.returnSequences(c.path("return_sequences").asBoolean(false))
                .returnState(c.path("return_state").asBoolean(false))
                .goBackwards(c.path("go_backwards").asBoolean(false));
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        GoldenFiles.assertClose(what, expected, actual, 2e-5);
    }
}
