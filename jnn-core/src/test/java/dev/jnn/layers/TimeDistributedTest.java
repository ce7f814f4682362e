package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeDistributedTest {
    @ParameterizedTest
    @ValueSource(strings = {"time_distributed_dense", "time_distributed_dense_rank4", "time_distributed_conv1d",
            "time_distributed_masked"})
    void matchesKeras(String name) throws IOException {
        JsonNode spec = GoldenFiles.read("/golden/embedding/" + name + ".json");
        JsonNode inner = spec.get("config").get("layer");
        JsonNode c = inner.get("config");
        Layer layer = switch (inner.get("class_name").asText()) {
            case "Dense" -> Dense.builder(c.get("units").asInt()).activation(c.get("activation").asText())
                    .useBias(c.get("use_bias").asBoolean()).build();
            case "Conv1D" -> Conv1D.builder(c.get("filters").asInt(), c.get("kernel_size").get(0).asInt())
                    .activation(c.get("activation").asText()).useBias(c.get("use_bias").asBoolean()).build();
            default -> throw new IllegalArgumentException(inner.toString());
        };
        Tensor x = NormGolden.tensor(spec.get("x"));
        if (!spec.get("x_mask").isNull()) {
            x.setMask(new Tensor(Shape.of(x.shape().dim(0), x.shape().dim(1)), GoldenFiles.floats(spec.get("x_mask"))));
        }
        EmbeddingMaskingTest.runGolden(new TimeDistributed(layer), spec, x, true);
    }

    @Test
    void passesTheGradientCheckForInputAndWeights() {
        LayerGradientCheck.check(new TimeDistributed(new Dense(3, "tanh")), Shape.of(4, 5), 2, 1L, false);
        LayerGradientCheck.check(new TimeDistributed(Conv1D.builder(2, 2).build()), Shape.of(3, 5, 2), 2, 2L, false);
    }

    @Test
    void passesTheContract() {
        LayerContract.check(() -> new TimeDistributed(new Dense(3)), Shape.of(4, 5), Shape.of(4, 3), 18);
        LayerContract.check(() -> new TimeDistributed(Conv1D.builder(2, 3).build()), Shape.of(2, 6, 3),
                Shape.of(2, 4, 2), 20);
    }

    @Test
    void itsWeightsAreTheInnerLayersWithTheirRegularizers() {
        Dense dense = Dense.builder(3).kernelRegularizer(new dev.jnn.regularizers.L2(0.1f)).build();
        TimeDistributed td = new TimeDistributed(dense);
        td.build(Shape.of(4, 5), false);
        assertEquals(2, td.parameters().size());
        assertSame(dense.kernel(), td.parameters().get(0));
        assertSame(dense.bias(), td.parameters().get(1));
        assertEquals(18, td.countParams());
        assertEquals(dense.regularizationLoss(), td.regularizationLoss());
        assertTrue(td.regularizationLoss() > 0f);
        Tensor x = Tensor.full(Shape.of(2, 4, 5), 0.5f);
        Tensor y = td.call(x, false);
        assertEquals(Shape.of(2, 4, 3), y.shape());
        Tensor direct = dense.call(Tensor.full(Shape.of(8, 5), 0.5f), false);
        assertArrayEquals(direct.data(), y.data(), "one call on [batch·time, ...] equals the per-step results");
    }

    @Test
    void passesTheMaskThroughAndRefusesRankOneSamples() {
        Tensor x = Tensor.full(Shape.of(2, 3, 4), 1f);
        Tensor mask = new Tensor(Shape.of(2, 3), new float[] {1, 0, 1, 1, 1, 0});
        x.setMask(mask);
        assertSame(mask, new TimeDistributed(new Dense(2)).call(x, false).mask());
        TimeDistributed td = new TimeDistributed(new Dense(2));
        var e = assertThrows(IllegalArgumentException.class, () -> td.outputShape(Shape.of(4)));
        assertTrue(e.getMessage().contains("at least 3 dimensions") && e.getMessage().contains("(None, 4)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TimeDistributed(null));
        assertEquals(new TimeDistributed(new Dense(2)).config(), new TimeDistributed(new Dense(2)).config());
        assertTrue(!new TimeDistributed(new Dense(2)).config().equals(new TimeDistributed(new Dense(3)).config()));
    }
}
