package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.callbacks.History;
import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.Reshape;
import dev.jnn.losses.Losses;
import dev.jnn.optimizers.Optimizers;
import dev.jnn.regularizers.Regularizers;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fidelity against real Keras 3.15.1: each golden file (written by tools/golden/make_golden.py) fixes
 * initial weights, data and arguments; jnn must reproduce Keras's History, final weights, predictions
 * and evaluation to 1e-5.
 */
class KerasGoldenFitTest {
    private static final double TOLERANCE = 1e-5;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(KerasGoldenFitTest.class.getResource("/golden/fit").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).sorted().toList();
            assertFalse(names.isEmpty(), "no golden files");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void reproducesKeras(String file) throws IOException {
        JsonNode g = read("/golden/fit/" + file);
        Sequential model = buildModel(g);
        List<float[]> initial = new ArrayList<>();
        for (JsonNode w : g.get("initial_weights")) {
            initial.add(floats(w.get("values")));
        }
        model.setWeights(initial);
        compile(model, g.get("compile"));

        Tensor x = tensor(g.get("x"));
        Tensor y = tensor(g.get("y"));
        JsonNode f = g.get("fit");
        FitOptions.Builder options = FitOptions.builder().epochs(f.get("epochs").asInt())
                .batchSize(f.get("batch_size").asInt()).shuffle(f.get("shuffle").asBoolean()).verbose(0)
                .validationSplit(f.get("validation_split").asDouble());
        if (!f.get("sample_weight").isNull()) {
            options.sampleWeight(floats(f.get("sample_weight")));
        }
        if (!f.get("class_weight").isNull()) {
            Map<Integer, Float> cw = new HashMap<>();
            f.get("class_weight").properties().forEach(e -> cw.put(Integer.parseInt(e.getKey()),
                    (float) e.getValue().asDouble()));
            options.classWeight(cw);
        }
        History history = model.fit(x, y, options.build());

        JsonNode expectedHistory = g.get("history");
        assertEquals(iterableKeys(expectedHistory), List.copyOf(history.history().keySet()), "history keys");
        expectedHistory.properties().forEach(e -> {
            List<Double> actual = history.history().get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                close(file + " history " + e.getKey() + "[" + i + "]", e.getValue().get(i).asDouble(), actual.get(i));
            }
        });
        List<float[]> weights = model.getWeights();
        JsonNode expectedWeights = g.get("final_weights");
        for (int i = 0; i < expectedWeights.size(); i++) {
            float[] expected = floats(expectedWeights.get(i).get("values"));
            for (int j = 0; j < expected.length; j++) {
                close(file + " final weight " + i + "[" + j + "]", expected[j], (double) weights.get(i)[j]);
            }
        }
        Tensor predicted = model.predict(x, 32);
        float[] expectedPredictions = tensor(g.get("predict")).data();
        for (int i = 0; i < expectedPredictions.length; i++) {
            close(file + " predict[" + i + "]", expectedPredictions[i], (double) predicted.data()[i]);
        }
        Map<String, Double> evaluation = model.evaluate(x, y, 32, 0);
        g.get("evaluate").properties().forEach(e ->
                close(file + " evaluate " + e.getKey(), e.getValue().asDouble(), evaluation.get(e.getKey())));
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = KerasGoldenFitTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        }
    }

    private static List<String> iterableKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void close(String what, double expected, Double actual) {
        if (actual == null) {
            fail(what + ": missing");
        }
        double tolerance = TOLERANCE * Math.max(1.0, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(String.format("%s: Keras %.9g, jnn %.9g (diff %.3g)", what, expected, actual,
                    Math.abs(expected - actual)));
        }
    }

    static Sequential buildModel(JsonNode g) {
        Sequential model = g.hasNonNull("model_name") ? new Sequential(g.get("model_name").asText()) : new Sequential();
        int[] inputShape = new int[g.get("input_shape").size()];
        for (int i = 0; i < inputShape.length; i++) {
            inputShape[i] = g.get("input_shape").get(i).asInt();
        }
        model.add(Input.shape(inputShape));
        for (JsonNode layer : g.get("layers")) {
            model.add(layer(layer));
        }
        return model;
    }

    static Layer layer(JsonNode spec) {
        JsonNode c = spec.get("config");
        Layer layer = switch (spec.get("class_name").asText()) {
            case "Dense" -> {
                Dense.Builder b = Dense.builder(c.get("units").asInt()).activation(c.get("activation").asText())
                        .useBias(c.get("use_bias").asBoolean());
                if (c.hasNonNull("kernel_regularizer")) {
                    b.kernelRegularizer(regularizer(c.get("kernel_regularizer")));
                }
                if (c.hasNonNull("bias_regularizer")) {
                    b.biasRegularizer(regularizer(c.get("bias_regularizer")));
                }
                yield b.build();
            }
            case "Activation" -> new Activation(c.get("activation").asText());
            case "Dropout" -> new Dropout((float) c.get("rate").asDouble());
            case "Flatten" -> new Flatten();
            case "Reshape" -> {
                int[] target = new int[c.get("target_shape").size()];
                for (int i = 0; i < target.length; i++) {
                    target[i] = c.get("target_shape").get(i).asInt();
                }
                yield new Reshape(target);
            }
            default -> throw new IllegalArgumentException("golden layer not supported: " + spec);
        };
        if (c.hasNonNull("name")) {
            layer.named(c.get("name").asText());
        }
        return layer;
    }

    private static dev.jnn.regularizers.Regularizer regularizer(JsonNode spec) {
        return Regularizers.fromConfig(spec.get("class_name").asText(), map(spec.get("config")));
    }

    static void compile(Sequential model, JsonNode c) {
        CompileOptions.Builder b = CompileOptions.builder();
        JsonNode loss = c.get("loss");
        if (loss.isTextual()) {
            b.loss(loss.asText());
        } else {
            b.loss(Losses.fromConfig(loss.get("class_name").asText(), map(loss.get("config"))));
        }
        JsonNode opt = c.get("optimizer");
        b.optimizer(opt.isTextual() ? Optimizers.get(opt.asText())
                : Optimizers.fromConfig(opt.get("class_name").asText(), map(opt.get("config"))));
        for (JsonNode m : c.get("metrics")) {
            b.metrics(m.asText());
        }
        model.compile(b.build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    static Tensor tensor(JsonNode node) {
        if (!node.get(0).isArray()) {
            return new Tensor(Shape.of(node.size()), floats(node));
        }
        List<Integer> dims = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            dims.add(n.size());
        }
        float[] data = new float[dims.stream().reduce(1, (a, b) -> a * b)];
        int[] index = {0};
        flatten(node, data, index);
        return new Tensor(Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()), data);
    }

    private static void flatten(JsonNode node, float[] out, int[] index) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(child, out, index);
            }
        } else {
            out[index[0]++] = (float) node.asDouble();
        }
    }

    static float[] floats(JsonNode node) {
        float[] out = new float[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) node.get(i).asDouble();
        }
        return out;
    }
}
