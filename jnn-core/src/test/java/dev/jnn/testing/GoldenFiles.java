package dev.jnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reading the golden JSON files written by {@code tools/golden/make_*_golden.py} (real Keras 3) and
 * comparing jnn's numbers with them.
 */
public final class GoldenFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFiles() {
    }

    /** The JSON document at a class-path resource such as {@code "/golden/conv/conv1d_valid.json"}. */
    public static JsonNode read(String resource) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return JSON.readTree(in);
        }
    }

    /** A shape from a JSON array of dimensions. */
    public static Shape shape(JsonNode dims) {
        int[] d = new int[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i).asInt();
        }
        return Shape.of(d);
    }

    /** A flat float array from a JSON array of numbers. */
    public static float[] floats(JsonNode values) {
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values.get(i).asDouble();
        }
        return f;
    }

    /**
     * Copies Keras's weights (a JSON array of {@code {"shape", "values"}}) into a built layer's parameters,
     * checking their count and shapes, and clears the parameters' gradients.
     */
    public static void loadWeights(String name, JsonNode weights, List<Parameter> params) {
        assertEquals(weights.size(), params.size(), name + ": number of weights");
        for (int i = 0; i < params.size(); i++) {
            assertEquals(shape(weights.get(i).get("shape")), params.get(i).shape(), name + ": weight " + i + " shape");
            System.arraycopy(floats(weights.get(i).get("values")), 0, params.get(i).value().data(), 0,
                    params.get(i).size());
            params.get(i).value().zeroGrad();
        }
    }

    /**
     * Asserts element-wise closeness with a tolerance relative to the expected value's magnitude
     * (absolute below 1), naming the first element that differs.
     */
    public static void assertClose(String what, float[] expected, float[] actual, double relativeTolerance) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relativeTolerance * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }
}
