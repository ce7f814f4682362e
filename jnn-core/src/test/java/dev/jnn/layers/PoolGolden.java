package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GradientCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Golden files of the pooling and shape layers (written by tools/golden/make_pool_golden.py from
 * Keras 3): each case gives the layer's Keras arguments, an input, the output, an upstream gradient
 * r and the input gradient of sum(r * output) as TensorFlow computes it.
 */
final class PoolGolden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolGolden() {
    }

    /** Runs every case of golden/pool/{className}.json; returns the number of cases. */
    static int check(String className, Function<JsonNode, Layer> factory) {
        JsonNode doc = read("/golden/pool/" + className + ".json");
        int n = 0;
        for (JsonNode c : doc.get("cases")) {
            JsonNode kwargs = c.get("kwargs");
            Layer layer = factory.apply(kwargs);
            assertEquals(className, layer.className());
            String what = className + " " + kwargs + " on " + c.get("input_shape");
            Tensor x = new Tensor(Shape.of(ints(c.get("input_shape"))), floats(c.get("input")));
            x.markRequiresGrad();
            x.zeroGrad();
            try (GradientTape tape = GradientTape.open()) {
                Tensor y = layer.call(x, false);
                assertArrayEquals(ints(c.get("output_shape")), y.shape().dims(), what + ": output shape");
                assertClose(floats(c.get("output")), y.data(), what + ": output");
                float[] r = floats(c.get("upstream"));
                for (int i = 0; i < r.length; i++) {
                    y.grad()[i] += r[i];
                }
                tape.backward();
            }
            assertClose(floats(c.get("input_grad")), x.grad(), what + ": input gradient");
            n++;
        }
        return n;
    }

    /** Keras's int-or-pair argument: {@code 3} or {@code [3, 2]}; {@code fallback} when absent. */
    static int[] pair(JsonNode kwargs, String key, int[] fallback) {
        JsonNode v = kwargs.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isInt() ? new int[] {v.asInt(), v.asInt()} : new int[] {v.get(0).asInt(), v.get(1).asInt()};
    }

    /** Keras's padding/cropping argument: int, (h, w) or ((top, bottom), (left, right)), as 4 ints. */
    static int[] borders(JsonNode kwargs, String key, int fallback) {
        JsonNode v = kwargs.get(key);
        if (v == null) {
            return new int[] {fallback, fallback, fallback, fallback};
        }
        if (v.isInt()) {
            return new int[] {v.asInt(), v.asInt(), v.asInt(), v.asInt()};
        }
        if (v.get(0).isInt()) {
            return new int[] {v.get(0).asInt(), v.get(0).asInt(), v.get(1).asInt(), v.get(1).asInt()};
        }
        return new int[] {v.get(0).get(0).asInt(), v.get(0).get(1).asInt(), v.get(1).get(0).asInt(),
                v.get(1).get(1).asInt()};
    }

    static String text(JsonNode kwargs, String key, String fallback) {
        JsonNode v = kwargs.get(key);
        return v == null ? fallback : v.asText();
    }

    /**
     * Gradient check for layers whose output picks among inputs (max pooling): the input holds
     * distinct values 0.05 apart in random order, so a probe of ±0.01 never changes an arg-max.
     */
    static void checkGradientWithoutTies(Layer layer, Shape sample, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(sample.withBatch(batch));
        float[] data = x.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = 0.05f * (i - data.length / 2);
        }
        for (int i = data.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = data[i];
            data[i] = data[j];
            data[j] = t;
        }
        float[] r = new float[layer.outputShape(sample).withBatch(batch).size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (random.nextDouble() * 2 - 1);
        }
        x.markRequiresGrad();
        x.zeroGrad();
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = layer.call(x, true);
            for (int i = 0; i < r.length; i++) {
                y.grad()[i] += r[i];
            }
            tape.backward();
        }
        float[] analytic = x.grad().clone();
        GradientCheck.assertGradient(layer.name() + " input", data, analytic, v -> {
            float[] y = layer.call(x, true).data();
            double s = 0;
            for (int i = 0; i < r.length; i++) {
                s += (double) r[i] * y[i];
            }
            return s;
        }, 1e-2, 2e-2);
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-5 * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                fail(what + ": [" + i + "] expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = PoolGolden.class.getResourceAsStream(resource)) {
            if (in == null) {
                fail("missing golden file " + resource + " (run tools/golden/make_pool_golden.py)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
