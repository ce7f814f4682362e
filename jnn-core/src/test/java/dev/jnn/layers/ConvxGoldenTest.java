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
 * DepthwiseConv2D, SeparableConv2D and Conv2DTranspose against real Keras 3 (golden files from
 * {@code tools/golden/make_convx_golden.py}): weight names and shapes, outputs, and the gradients of
 * {@code sum(y²)} with respect to the input and every weight.
 */
class ConvxGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"dw_valid_relu", "dw_same_stride2_mult2", "dw_dilation_same", "dw_stride2_dilation2_mult3",
            "dw_rect_even_same_tanh", "sep_valid", "sep_same_stride2_mult2_relu", "sep_dilation2_nobias_tanh",
            "sep_stride2_dilation2_same", "convt_valid", "convt_same_stride2", "convt_same_stride2_op1",
            "convt_same_even_stride3_op1", "convt_valid_stride3_default_op", "convt_valid_rect_op",
            "convt_dilation2_same_relu", "convt_even_same_stride2_sigmoid", "convt_1x1_nobias"})
    void matchesKeras(String name) throws IOException {
        JsonNode spec = read("/golden/convx/" + name + ".json");
        Layer layer = layerFrom(spec.get("class").asText(), spec.get("config"));
        assertEquals(spec.get("class").asText(), layer.className());
        Shape inShape = shape(spec.get("input_shape"));
        assertEquals(shape(spec.get("output_shape")).withoutBatch(), layer.outputShape(inShape.withoutBatch()),
                name + ": outputShape");
        layer.build(inShape.withoutBatch(), false);

        List<Parameter> params = layer.parameters();
        GoldenFiles.loadWeights(name, spec.get("weights"), params);
        for (int i = 0; i < params.size(); i++) {
            assertEquals(spec.get("weight_names").get(i).asText(), params.get(i).name(), name + ": weight " + i + " name");
        }

        Tensor x = new Tensor(inShape, floats(spec.get("x")));
        x.markRequiresGrad();
        x.zeroGrad();
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, false);
            for (int i = 0; i < y.size(); i++) {
                y.grad()[i] = 2 * y.data()[i]; // d sum(y²) / dy
            }
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
        JsonNode k = c.get("kernel_size");
        JsonNode s = c.get("strides");
        JsonNode d = c.get("dilation_rate");
        return switch (className) {
            case "DepthwiseConv2D" -> DepthwiseConv2D.builder(k.get(0).asInt(), k.get(1).asInt())
                    .strides(s.get(0).asInt(), s.get(1).asInt()).padding(padding)
                    .dilationRate(d.get(0).asInt(), d.get(1).asInt()).depthMultiplier(c.get("depth_multiplier").asInt())
                    .activation(activation).useBias(useBias).build();
            case "SeparableConv2D" -> SeparableConv2D.builder(c.get("filters").asInt(), k.get(0).asInt(), k.get(1).asInt())
                    .strides(s.get(0).asInt(), s.get(1).asInt()).padding(padding)
                    .dilationRate(d.get(0).asInt(), d.get(1).asInt()).depthMultiplier(c.get("depth_multiplier").asInt())
                    .activation(activation).useBias(useBias).build();
            case "Conv2DTranspose" -> {
                var b = Conv2DTranspose.builder(c.get("filters").asInt(), k.get(0).asInt(), k.get(1).asInt())
                        .strides(s.get(0).asInt(), s.get(1).asInt()).padding(padding)
                        .dilationRate(d.get(0).asInt(), d.get(1).asInt()).activation(activation).useBias(useBias);
                JsonNode op = c.get("output_padding");
                if (!op.isNull()) {
                    b.outputPadding(op.get(0).asInt(), op.get(1).asInt());
                }
                yield b.build();
            }
            default -> throw new IllegalArgumentException("unknown class " + className);
        };
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        GoldenFiles.assertClose(what, expected, actual, 1e-5);
    }
}
