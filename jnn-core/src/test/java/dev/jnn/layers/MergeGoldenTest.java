package dev.jnn.layers;

import static dev.jnn.testing.GoldenFiles.floats;
import static dev.jnn.testing.GoldenFiles.read;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The merge layers against real Keras 3 (golden files from {@code tools/golden/make_merge_golden.py}):
 * outputs, output masks and the gradients of {@code sum(r ⊙ y)} for every input.
 */
class MergeGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"add_two", "add_three_broadcast", "subtract", "subtract_broadcast", "multiply_broadcast",
            "multiply_three", "average_three", "maximum", "minimum_broadcast", "concatenate_last", "concatenate_axis1",
            "concatenate_axis_neg2", "dot_axes1", "dot_axes_2_2", "dot_axes_1_2", "dot_axes_1_1_rank4", "dot_normalize",
            "dot_normalize_rank2", "add_masked", "add_one_masked", "multiply_masked", "multiply_one_masked",
            "maximum_masked", "minimum_mixed_masks", "concatenate_masked", "concatenate_axis1_masked"})
    void matchesKeras(String name) throws IOException {
        JsonNode spec = read("/golden/merge/" + name + ".json");
        Layer layer = layerFrom(spec.get("class").asText(), spec.get("config"));
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < spec.get("inputs").size(); i++) {
            Tensor x = NormGolden.tensor(spec.get("inputs").get(i));
            JsonNode mask = spec.get("masks").get(i);
            if (!mask.isNull()) {
                int[] d = x.shape().dims();
                x.setMask(new Tensor(Shape.of(java.util.Arrays.copyOf(d, d.length - 1)), floats(mask)));
            }
            x.markRequiresGrad();
            x.zeroGrad();
            xs.add(x);
        }
        float[] r = floats(spec.get("r"));
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(xs, false).get(0);
            System.arraycopy(r, 0, y.grad(), 0, r.length);
            tape.backward();
        }
        NormGolden.assertClose(name + " y", NormGolden.tensor(spec.get("y")), y);
        if (spec.get("mask").isNull()) {
            assertNull(y.mask(), name + ": Keras gives no output mask");
        } else {
            NormGolden.assertClose(name + " mask", NormGolden.tensor(spec.get("mask")), y.mask());
        }
        for (int i = 0; i < xs.size(); i++) {
            Tensor expected = new Tensor(xs.get(i).shape(), floats(spec.get("grad_inputs").get(i)));
            NormGolden.assertClose(name + " d input " + i, expected, new Tensor(xs.get(i).shape(), xs.get(i).grad()));
        }
    }

    static Layer layerFrom(String className, JsonNode c) {
        return switch (className) {
            case "Add" -> new Add();
            case "Subtract" -> new Subtract();
            case "Multiply" -> new Multiply();
            case "Average" -> new Average();
            case "Maximum" -> new Maximum();
            case "Minimum" -> new Minimum();
            case "Concatenate" -> c.has("axis") ? new Concatenate(c.get("axis").asInt()) : new Concatenate();
            case "Dot" -> {
                JsonNode axes = c.get("axes");
                boolean normalize = c.has("normalize") && c.get("normalize").asBoolean();
                yield axes.isArray()
                        ? new Dot(new Dot.Config(axes.get(0).asInt(), axes.get(1).asInt(), normalize))
                        : new Dot(axes.asInt(), normalize);
            }
            default -> throw new IllegalArgumentException("unknown class " + className);
        };
    }
}
