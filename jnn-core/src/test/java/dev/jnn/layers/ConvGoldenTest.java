package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conv1D and Conv2D against real Keras 3 (golden files from {@code tools/golden/make_conv_golden.py}):
 * outputs and the gradients of {@code sum(r ⊙ y)} with respect to the input and every weight.
 */
class ConvGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode weights = spec.get("weights");
        assertEquals(weights.size(), params.size(), name + ": number of weights");
        for (int i = 0; i < params.size(); i++) {
            assertEquals(shape(weights.get(i).get("shape")), params.get(i).shape(), name + ": weight " + i + " shape");
            System.arraycopy(floats(weights.get(i).get("values")), 0, params.get(i).value().data(), 0, params.get(i).size());
            params.get(i).value().zeroGrad();
        }

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
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-5 * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ConvGoldenTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return JSON.readTree(in);
        }
    }

    private static Shape shape(JsonNode dims) {
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i).asInt();
        }
        return Shape.of(d);
    }

    private static float[] floats(JsonNode values) {
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values.get(i).asDouble();
        }
        return f;
    }
}
