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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conv1D and Conv2D against real Keras 3 (golden files from {@code tools/golden/make_conv_golden.py}):
 * outputs and the gradients of {@code sum(r ⊙ y)} with respect to the input and every weight.
 */
class ConvGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"conv2d_valid_relu", "conv2d_same_stride2", "conv2d_same_even_kernel",
            "conv2d_same_stride2_even", "conv2d_dilation2_tanh", "conv2d_dilation2_same", "conv2d_rect_same_nobias",
            "conv2d_rect_valid_stride", "conv2d_1x1_sigmoid", "conv2d_softmax", "conv1d_valid", "conv1d_same_stride2",
            "conv1d_causal_relu", "conv1d_causal_dilation2", "conv1d_causal_stride2", "conv1d_dilation3_valid"})
    void matchesKeras(String name) throws IOException {
        JsonNode spec = read("/golden/conv/" + name + ".json");
        Layer layer = layerFrom(spec.get("class").asText(), spec.get("config"));
        Shape inShape = shape(spec.get("input_shape"));
        layer.build(inShape.withoutBatch(), false);

        List<Parameter> params = layer.parameters();
        GoldenFiles.loadWeights(name, spec.get("weights"), params);

        Tensor x = new Tensor(inShape, floats(spec.get("x")));
        x.markRequiresGrad();
        x.zeroGrad();
        float[] r = floats(spec.get("r"));
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, false);
            System.arraycopy(r, 0, y.grad(), 0, r.length);
            tape.backward();
        }
        assertEquals(shape(spec.get("output_shape")), y.shape(), name + ": output shape");
        assertClose(name + " y", floats(spec.get("y")), y.data());
        assertClose(name + " dx", floats(spec.get("grad_x")), x.grad());
        JsonNode gradWeights = spec.get("grad_weights");
        for (int i = 0; i < params.size(); i++) {
            assertClose(name + " d" + params.get(i).name(), floats(gradWeights.get(i)), params.get(i).grad());
        }
    }

    static Layer layerFrom(String className, JsonNode c) {
        String activation = c.get("activation").asText();
        boolean useBias = c.get("use_bias").asBoolean();
        String padding = c.get("padding").asText();
        int filters = c.get("filters").asInt();
        JsonNode k = c.get("kernel_size");
        JsonNode s = c.get("strides");
        JsonNode d = c.get("dilation_rate");
        return switch (className) {
            case "Conv2D" -> Conv2D.builder(filters, k.get(0).asInt(), k.get(1).asInt())
                    .strides(s.get(0).asInt(), s.get(1).asInt()).padding(padding)
                    .dilationRate(d.get(0).asInt(), d.get(1).asInt())
                    .activation(activation).useBias(useBias).build();
            case "Conv1D" -> Conv1D.builder(filters, k.get(0).asInt()).strides(s.get(0).asInt()).padding(padding)
                    .dilationRate(d.get(0).asInt()).activation(activation).useBias(useBias).build();
            default -> throw new IllegalArgumentException("unknown class " + className);
        };
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        GoldenFiles.assertClose(what, expected, actual, 1e-5);
    }
}
