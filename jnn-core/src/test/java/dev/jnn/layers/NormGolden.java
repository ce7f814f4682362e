package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One golden file of {@code tools/golden/make_norm_golden.py}: a Keras layer's weights, input and
 * outputs for {@code training=False} and {@code training=True}, and its weights after the training call.
 */
record NormGolden(JsonNode root) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static NormGolden load(String caseName) {
        String resource = "/golden/norm/" + caseName + ".json";
        try (InputStream in = NormGolden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + resource);
            }
            return new NormGolden(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode config() {
        return root.get("config");
    }

    Tensor x() {
        return tensor(root.get("x"));
    }

    Tensor output(String mode) {
        return tensor(root.get("outputs").get(mode));
    }

    /** Builds {@code layer} for the golden input and copies Keras's weights into it, checking names and shapes. */
    void buildWithWeights(Layer layer) {
        Tensor x = x();
        layer.build(x.shape().withoutBatch(), false);
        JsonNode weights = root.get("weights");
        assertEquals(weights.size(), layer.parameters().size(), "number of weights");
        for (int i = 0; i < weights.size(); i++) {
            Parameter p = layer.parameters().get(i);
            Tensor w = tensor(weights.get(i));
            assertEquals(weights.get(i).get("name").asText(), p.name(), "weight " + i + " name");
            assertEquals(w.shape(), p.shape(), "weight " + p.name() + " shape");
            System.arraycopy(w.data(), 0, p.value().data(), 0, w.size());
        }
    }

    /** Asserts the layer's weights equal Keras's after the training call. */
    void assertWeightsAfterTraining(Layer layer) {
        JsonNode weights = root.get("weights_after_training_call");
        for (int i = 0; i < weights.size(); i++) {
            Parameter p = layer.parameters().get(i);
            assertClose(p.name() + " after training call", tensor(weights.get(i)), p.value());
        }
    }

    static Tensor tensor(JsonNode node) {
        JsonNode shape = node.get("shape");
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asInt();
        }
        JsonNode values = node.get("values");
        float[] data = new float[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) values.get(i).asDouble();
        }
        return new Tensor(Shape.of(dims), data);
    }

    /** Element-wise comparison to 1e-5, relative for values above 1. */
    static void assertClose(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what + " shape");
        for (int i = 0; i < expected.size(); i++) {
            float e = expected.data()[i];
            float a = actual.data()[i];
            double tolerance = 1e-5 * Math.max(1.0, Math.abs(e));
            if (!(Math.abs(e - a) <= tolerance)) {
                fail(what + "[" + i + "]: expected " + e + " (Keras) but was " + a);
            }
        }
    }
}
