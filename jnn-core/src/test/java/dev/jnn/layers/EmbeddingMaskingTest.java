package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.initializers.RandomUniform;
import dev.jnn.regularizers.L2;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.testing.GradientCheck;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddingMaskingTest {
    /** Sets Keras's weights from a golden file, runs the layer under a tape with {@code r} as output gradient. */
    static Tensor runGolden(Layer layer, JsonNode spec, Tensor x, boolean differentiable) {
        layer.build(x.shape().withoutBatch(), false);
        JsonNode weights = spec.get("weights");
        assertEquals(weights.size(), layer.parameters().size(), "number of weights");
        for (int i = 0; i < weights.size(); i++) {
            Parameter p = layer.parameters().get(i);
            Tensor w = NormGolden.tensor(weights.get(i));
            assertEquals(weights.get(i).get("name").asText(), p.name(), "weight " + i + " name");
            assertEquals(w.shape(), p.shape(), "weight " + p.name() + " shape");
            System.arraycopy(w.data(), 0, p.value().data(), 0, w.size());
            p.value().zeroGrad();
        }
        if (differentiable) {
            x.markRequiresGrad();
            x.zeroGrad();
        }
        float[] r = GoldenFiles.floats(spec.get("r"));
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, false);
            System.arraycopy(r, 0, y.grad(), 0, r.length);
            tape.backward();
        }
        NormGolden.assertClose(spec.get("case").asText() + " y", NormGolden.tensor(spec.get("y")), y);
        if (differentiable) {
            NormGolden.assertClose("dx", new Tensor(x.shape(), GoldenFiles.floats(spec.get("grad_x"))),
                    new Tensor(x.shape(), x.grad()));
        }
        for (int i = 0; i < layer.parameters().size(); i++) {
            Parameter p = layer.parameters().get(i);
            NormGolden.assertClose("d" + p.name(), new Tensor(p.shape(),
                    GoldenFiles.floats(spec.get("grad_weights").get(i))), new Tensor(p.shape(), p.grad()));
        }
        if (spec.get("mask").isNull()) {
            assertNull(y.mask(), "Keras gives no output mask");
        } else {
            NormGolden.assertClose("mask", NormGolden.tensor(spec.get("mask")), y.mask());
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding_basic", "embedding_mask_zero", "embedding_rank3"})
    void embeddingMatchesKeras(String name) throws IOException {
        JsonNode spec = GoldenFiles.read("/golden/embedding/" + name + ".json");
        JsonNode c = spec.get("config");
        Embedding layer = Embedding.builder(c.get("input_dim").asInt(), c.get("output_dim").asInt())
                .maskZero(c.get("mask_zero").asBoolean()).build();
        runGolden(layer, spec, NormGolden.tensor(spec.get("x")), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"masking_default", "masking_value"})
    void maskingMatchesKeras(String name) throws IOException {
        JsonNode spec = GoldenFiles.read("/golden/embedding/" + name + ".json");
        Masking layer = new Masking((float) spec.get("config").get("mask_value").asDouble());
        runGolden(layer, spec, NormGolden.tensor(spec.get("x")), true);
    }

    @Test
    void embeddingDefaultsAreKeras() {
        Embedding layer = new Embedding(10, 4);
        assertEquals(new RandomUniform(), layer.config().embeddingsInitializer());
        assertEquals(-0.05, ((RandomUniform) layer.config().embeddingsInitializer()).minval());
        assertEquals(0.05, ((RandomUniform) layer.config().embeddingsInitializer()).maxval());
        assertTrue(!layer.config().maskZero());
        assertEquals(Shape.of(7, 4), layer.outputShape(Shape.of(7)));
        layer.build(Shape.of(7), false);
        assertEquals("embeddings", layer.parameters().get(0).name());
        assertEquals(Shape.of(10, 4), layer.parameters().get(0).shape());
        for (float v : layer.embeddings().value().data()) {
            assertTrue(v >= -0.05f && v < 0.05f);
        }
    }

    @Test
    void embeddingGradientIsAScatterAddIntoTheTable() {
        Embedding layer = new Embedding(5, 3);
        Tensor ids = new Tensor(Shape.of(2, 4), new float[] {1, 3, 1, 0, 4, 4, 2, 1});
        layer.build(Shape.of(4), false);
        float[] r = new float[2 * 4 * 3];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) Math.sin(i + 0.5);
        }
        Parameter table = layer.embeddings();
        table.value().zeroGrad();
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = layer.call(ids, true);
            System.arraycopy(r, 0, y.grad(), 0, r.length);
            tape.backward();
        }
        GradientCheck.assertGradient("embeddings", table.value().data(), table.grad().clone(), v -> {
            Tensor y = layer.call(ids, false);
            double s = 0;
            for (int i = 0; i < r.length; i++) {
                s += r[i] * y.data()[i];
            }
            return s;
        }, 1e-2, 2e-2);
        // row 1 is looked up three times: its gradient is the sum of three output rows
        assertEquals(r[0] + r[6] + r[21], table.grad()[3], 1e-6);
    }

    @Test
    void outOfRangeIdsNameTheIdAndTheLayer() {
        Embedding layer = new Embedding(5, 3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> layer.call(new Tensor(Shape.of(1, 3), new float[] {1, 7, 2}), false));
        assertTrue(e.getMessage().contains(layer.name()) && e.getMessage().contains("7.0")
                && e.getMessage().contains("[0, 5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> layer.call(new Tensor(Shape.of(1, 2), new float[] {-1, 0}), false));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(3, -1));
    }

    @Test
    void maskZeroMasksPaddingAndFlowsThroughMaskingLayers() {
        Embedding layer = Embedding.builder(6, 2).maskZero(true).build();
        Tensor y = layer.call(new Tensor(Shape.of(2, 3), new float[] {3, 0, 0, 0, 5, 1}), false);
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 1}, y.mask().data());
        assertEquals(Shape.of(2, 3), y.mask().shape());
        Tensor z = new Dense(4).call(y, false);
        assertSame(y.mask(), z.mask(), "Dense passes the mask on, as in Keras");
        assertNull(new Embedding(6, 2).call(new Tensor(Shape.of(1, 2), new float[] {0, 1}), false).mask());
    }

    @Test
    void maskingZeroesMaskedStepsAndPassesTheGradientCheck() {
        Tensor x = new Tensor(Shape.of(1, 3, 2), new float[] {1, 2, 0, 0, 0, 3});
        Tensor y = new Masking().call(x, false);
        assertArrayEquals(new float[] {1, 0, 1}, y.mask().data());
        assertArrayEquals(new float[] {1, 2, 0, 0, 0, 3}, y.data());
        Tensor x2 = new Tensor(Shape.of(1, 2, 2), new float[] {-1, -1, 5, -1});
        Tensor y2 = new Masking(-1f).call(x2, false);
        assertArrayEquals(new float[] {0, 0, 5, -1}, y2.data());
        LayerGradientCheck.check(new Masking(0.25f), Shape.of(4, 3), 2, 3L, false);
    }

    @Test
    void embeddingAndMaskingPassTheContract() {
        LayerContract.check(() -> new Embedding(4, 3), Shape.of(5), Shape.of(5, 3), 12);
        LayerContract.check(() -> Embedding.builder(4, 3).embeddingsInitializer(new RandomUniform(-1, 1, 7L))
                .embeddingsRegularizer(new L2(0.01f)).maskZero(true).build(), Shape.of(5), Shape.of(5, 3), 12);
        LayerContract.check(() -> new Masking(0.5f), Shape.of(4, 3), Shape.of(4, 3), 0);
    }
}
