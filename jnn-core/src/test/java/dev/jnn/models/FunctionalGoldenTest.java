package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.callbacks.History;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.optimizers.SGD;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The functional API against real Keras 3.15.1 (files written by
 * tools/golden/make_functional_golden.py): the same graph, initial weights and data must give Keras's
 * History (total and per-output losses and metrics), final weights, evaluation, predictions and
 * summary tables.
 */
class FunctionalGoldenTest {
    private static final double TOLERANCE = 2e-5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void branchingModelWithTwoLossesAndLossWeights() throws IOException {
        JsonNode g = read("branching");
        SymbolicTensor x = Input.tensor("features", 4);
        SymbolicTensor h = new Dense(6, "tanh").named("trunk").apply(x);
        SymbolicTensor odd = new Dense(1, "sigmoid").named("odd").apply(h);
        SymbolicTensor digit = new Dense(3, "softmax").named("digit").apply(h);
        Functional model = new Functional(List.of(x), List.of(odd, digit), "branching");
        CompileOptions options = CompileOptions.builder().optimizer(new SGD(0.1f))
                .outputLoss("odd", "binary_crossentropy").outputLoss("digit", "sparse_categorical_crossentropy")
                .lossWeight("odd", 0.5f).lossWeight("digit", 1f)
                .outputMetrics("odd", "accuracy").outputMetrics("digit", "accuracy").build();
        check(g, model, options);
    }

    @Test
    void sharedLayerAccumulatesTheGradientsOfBothCalls() throws IOException {
        JsonNode g = read("shared");
        SymbolicTensor x = Input.tensor("x", 3);
        SymbolicTensor first = new Dense(3, "tanh").named("first").apply(x);
        Dense twice = (Dense) new Dense(3, "tanh").named("twice");
        SymbolicTensor y = new Dense(1).named("out").apply(twice.apply(twice.apply(first)));
        Functional model = new Functional(List.of(x), List.of(y), "shared");
        check(g, model, CompileOptions.builder().optimizer(new SGD(0.1f)).loss("mse").metrics("mae").build());
    }

    @Test
    void nestedSequentialIsOneLayerWithSharedWeights() throws IOException {
        JsonNode g = read("nested");
        Sequential encoder = new Sequential("encoder", Input.shape(3), new Dense(4, "relu").named("inner_dense"));
        SymbolicTensor x = Input.tensor("x", 3);
        SymbolicTensor y = new Dense(2, "softmax").named("head").apply(encoder.apply(x));
        Functional model = new Functional(List.of(x), List.of(y), "nested");
        check(g, model, CompileOptions.builder().optimizer(new SGD(0.1f)).loss("sparse_categorical_crossentropy")
                .metrics("accuracy").build());
        // the outer fit trained the inner model's own weights
        List<float[]> expected = weights(g.get("final_weights"));
        assertArrayEquals(expected.get(0), encoder.getWeights().get(0), 1e-5f);
    }

    @Test
    void chainPrintsTheThreeColumnTableWithItsInputRow() throws IOException {
        JsonNode g = read("chain");
        SymbolicTensor x = Input.tensor("x", 5);
        SymbolicTensor y = new Dense(1, "sigmoid").named("prob").apply(new Dense(3, "relu").named("hidden").apply(x));
        Functional model = new Functional(List.of(x), List.of(y), "chain");
        check(g, model, CompileOptions.builder().optimizer(new SGD(0.1f)).loss("binary_crossentropy")
                .metrics("accuracy").build());
    }

    static void check(JsonNode g, Functional model, CompileOptions options) {
        List<String> names = new ArrayList<>();
        model.layers().forEach(l -> names.add(l.name()));
        assertEquals(strings(g.get("layers")), names, "layer order");
        assertEquals(strings(g.get("output_names")), model.outputNames());
        model.setWeights(weights(g.get("initial_weights")));
        assertEquals(g.get("summary_100").asText(), model.summaryText(100));
        assertEquals(g.get("summary_60").asText(), model.summaryText(60));

        model.compile(options);
        List<Tensor> xs = tensors(g.get("x"));
        List<Tensor> ys = tensors(g.get("y"));
        int rows = xs.get(0).rows();
        History history = model.fit(xs, ys, FitOptions.builder().epochs(3).batchSize(rows).shuffle(false)
                .verbose(0).build());
        g.get("history").properties().forEach(e -> {
            List<Double> actual = history.history().get(e.getKey());
            assertEquals(e.getValue().size(), actual == null ? -1 : actual.size(), "history key " + e.getKey()
                    + " in " + history.history().keySet());
            for (int i = 0; i < actual.size(); i++) {
                assertEquals(e.getValue().get(i).asDouble(), actual.get(i), TOLERANCE, e.getKey() + " epoch " + i);
            }
        });
        assertEquals(g.get("history").size(), history.history().size(), "history keys " + history.history().keySet());

        List<float[]> expected = weights(g.get("final_weights"));
        List<float[]> actual = model.getWeights();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 1e-5f, "final weight " + i);
        }
        Map<String, Double> evaluation = model.evaluate(xs, ys, rows, 0);
        assertEquals(g.get("evaluate").size(), evaluation.size(), "evaluate keys " + evaluation.keySet());
        g.get("evaluate").properties().forEach(e ->
                assertEquals(e.getValue().asDouble(), evaluation.get(e.getKey()), TOLERANCE, "evaluate " + e.getKey()));
        List<Tensor> predictions = model.predictAll(xs, 32, 0);
        List<Tensor> expectedPredictions = tensors(g.get("predictions"));
        for (int k = 0; k < predictions.size(); k++) {
            assertEquals(expectedPredictions.get(k).shape(), predictions.get(k).shape());
            assertArrayEquals(expectedPredictions.get(k).data(), predictions.get(k).data(), 1e-5f, "prediction " + k);
        }
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = FunctionalGoldenTest.class.getResourceAsStream("/golden/functional/" + name + ".json")) {
            return JSON.readTree(in);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<float[]> weights(JsonNode arrays) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : tensors(arrays)) {
            out.add(t.data());
        }
        return out;
    }

    static List<Tensor> tensors(JsonNode arrays) {
        List<Tensor> out = new ArrayList<>();
        for (JsonNode a : arrays) {
            int[] dims = new int[a.get("shape").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = a.get("shape").get(i).asInt();
            }
            float[] data = new float[a.get("data").size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) a.get("data").get(i).asDouble();
            }
            out.add(new Tensor(Shape.of(dims), data));
        }
        return out;
    }
}
