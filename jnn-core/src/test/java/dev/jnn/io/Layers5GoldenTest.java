package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Layer;
import dev.jnn.models.Model;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases of tools/golden/make_layers5_golden.py (real Keras 3.15.1): jnn reads each layer from the
 * config Keras wrote, writes the same config back key for key (.keras and legacy .h5 forms), and with
 * Keras's weights gives Keras's output at inference and Keras's gradients of {@code sum(y²)} for the
 * input and every trainable weight.
 */
class Layers5GoldenTest {
    static final double TOLERANCE = 1e-5;

    /**
     * Cases whose config jnn writes in another form Keras reads the same way, and how the golden is
     * brought to that form before comparing.
     */
    static final java.util.Map<String, UnaryOperator<JsonNode>> WRITTEN_DIFFERENTLY = java.util.Map.of(
            // A NumPy scale is written back as the nested list of its values (jnn keeps no NumPy arrays).
            "rescaling_numpy_column", config -> withLayerEntry(config, "scale",
                    config.at("/config/layers/1/config/scale/config/value")));

    static List<Path> cases() throws Exception {
        Path dir = Path.of(Layers5GoldenTest.class.getResource("/golden/layers5").toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> configsRoundTripAndOutputsMatchKeras() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : cases()) {
            String name = p.getFileName().toString().replace(".json", "");
            JsonNode golden = KerasConfigGoldenTest.read(p);
            if (golden.has("x") && golden.has("weight_names")) {   // the other files are whole-model cases with tests of their own
                tests.add(DynamicTest.dynamicTest(name, () -> check(name, golden)));
            }
        }
        assertTrue(tests.size() >= 4, "found " + tests.size() + " golden cases");
        return tests;
    }

    private static void check(String name, JsonNode golden) {
        JsonNode config = golden.get("config");
        Model model = KerasConfig.modelFromJson(config);
        UnaryOperator<JsonNode> normalize = WRITTEN_DIFFERENTLY.getOrDefault(name, UnaryOperator.identity());
        assertNull(JsonDiff.diff(normalize.apply(config), KerasConfig.modelToJson(model)), name + " (.keras config)");
        JsonNode legacyConfig = golden.get("legacy_config");
        if (legacyConfig.has("legacy_error")) {
            // Keras itself fails to write this model's .h5 config; jnn's legacy form still reads back.
            legacyConfig = KerasConfig.modelToLegacyJson(model);
        } else {
            assertNull(JsonDiff.diff(normalize.apply(legacyConfig), KerasConfig.modelToLegacyJson(model)),
                    name + " (legacy model_config)");
        }
        // The legacy form reads back to the same model.
        Model legacy = KerasConfig.modelFromJson(legacyConfig);
        assertNull(JsonDiff.diff(KerasConfig.modelToJson(model), KerasConfig.modelToJson(legacy)), name + " legacy");

        Layer layer = model.layers().get(0);
        List<Parameter> ordered = WeightPaths.kerasOrder(layer.parameters());
        JsonNode weights = golden.get("weights");
        assertEquals(weights.size(), ordered.size(), name + ": number of weights");
        JsonNode names = golden.get("weight_names");
        for (int i = 0; i < ordered.size(); i++) {
            Parameter w = ordered.get(i);
            assertEquals(names.get(i).asText(), w.name(), name + ": weight " + i + " name");
            assertEquals(GoldenFiles.shape(weights.get(i).get("shape")), w.shape(), name + ": weight " + i + " shape");
            float[] values = GoldenFiles.floats(weights.get(i).get("values"));
            System.arraycopy(values, 0, w.value().data(), 0, values.length);
            w.value().zeroGrad();
        }
        Tensor x = new Tensor(GoldenFiles.shape(golden.at("/x/shape")), GoldenFiles.floats(golden.at("/x/values")));
        x.markRequiresGrad();
        x.zeroGrad();
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, false);
            float[] g = y.grad();
            for (int i = 0; i < g.length; i++) {
                g[i] = 2 * y.data()[i];
            }
            tape.backward();
        }
        assertEquals(GoldenFiles.shape(golden.at("/y/shape")), y.shape(), name + ": output shape");
        GoldenFiles.assertClose(name + " y", GoldenFiles.floats(golden.at("/y/values")), y.data(), TOLERANCE);
        JsonNode gradX = golden.get("grad_x");
        if (golden.has("activity_loss")) {
            // An activity penalty joins the loss: its value is the layer's, its gradient the input's.
            assertEquals(golden.get("activity_loss").asDouble(), layer.regularizationLoss(), 1e-6, name + " penalty");
            gradX = golden.get("grad_x_with_loss");
        }
        if (gradX != null && !gradX.isNull()) {
            GoldenFiles.assertClose(name + " grad x", GoldenFiles.floats(gradX), x.grad(), TOLERANCE);
        }
        JsonNode gradWeights = golden.get("grad_weights");
        if (gradWeights != null) {
            int k = 0;
            for (Parameter w : ordered) {
                if (w.trainable()) {
                    GoldenFiles.assertClose(name + " grad " + w.name(), GoldenFiles.floats(gradWeights.get(k++)),
                            w.grad(), TOLERANCE);
                }
            }
            assertEquals(gradWeights.size(), k, name + ": trainable weights");
        }
    }

    /** The golden config with one entry of the (single) layer's config replaced. */
    static JsonNode withLayerEntry(JsonNode config, String key, JsonNode value) {
        ObjectNode copy = config.deepCopy();
        ((ObjectNode) copy.at("/config/layers/1/config")).set(key, value.deepCopy());
        return copy;
    }
}
