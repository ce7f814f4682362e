package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.models.Model;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Configs written by real Keras 3.15.1 (tools/golden/make_keras_config_golden.py): jnn reads each one
 * and writes it back exactly as Keras wrote it, in the .keras and the legacy .h5 form.
 */
class KerasConfigGoldenTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Cases using Keras classes jnn does not have yet, and the class the refusal must name. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("simple_rnn", "SimpleRNN"),
            Map.entry("lstm", "LSTM"),
            Map.entry("gru", "GRU"),
            Map.entry("bidirectional_lstm", "Bidirectional"),
            Map.entry("functional_lstm_states", "LSTM"),
            Map.entry("up_sampling2d_bilinear", "UpSampling2D"));

    static List<Path> cases(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(KerasConfigGoldenTest.class.getResource("/golden/keras_config/" + folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static JsonNode read(Path p) {
        try {
            return MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    List<DynamicTest> keras3ConfigsRoundTripExactly() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : cases("keras3")) {
            String name = p.getFileName().toString().replace(".json", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                JsonNode golden = read(p);
                JsonNode config = golden.get("config");
                if (UNSUPPORTED.containsKey(name)) {
                    var e = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelFromJson(config));
                    assertEquals(UNSUPPORTED.get(name), e.kerasClass(), e.getMessage());
                    return;
                }
                Model model = KerasConfig.modelFromJson(config);
                JsonNode compile = config.get("compile_config");
                if (compile != null && !compile.isEmpty()) {
                    KerasConfig.compileFromJson(model, compile);
                }
                ObjectNode written = KerasConfig.modelToJson(model);
                JsonNode expected = compile == null || compile.isEmpty() ? config : withoutLoss(config);
                JsonNode actual = compile == null || compile.isEmpty() ? written : withoutLoss(written);
                assertNull(JsonDiff.diff(expected, actual), name + " (.keras config)");
                if (golden.has("legacy_config")) {
                    assertNull(JsonDiff.diff(golden.get("legacy_config"), KerasConfig.modelToLegacyJson(model)),
                            name + " (legacy model_config)");
                }
            }));
        }
        assertTrue(tests.size() >= 50, "expected the generated Keras configs, found " + tests.size());
        return tests;
    }

    /**
     * Keras keeps the loss and metrics as the user wrote them ("mse" or an object); jnn keeps loss
     * objects, so those two entries are compared by what they mean in {@code CompileJsonTest}.
     */
    private static JsonNode withoutLoss(JsonNode config) {
        ObjectNode copy = config.deepCopy();
        ObjectNode compile = (ObjectNode) copy.get("compile_config");
        compile.remove("loss");
        return copy;
    }

    @TestFactory
    List<DynamicTest> fixtureConfigsParseOrAreRefusedByName() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : cases("fixtures")) {
            String name = p.getFileName().toString().replace(".json", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                JsonNode fixture = read(p);
                String expected = FixtureExpectations.REFUSED.get(name);
                if (expected != null) {
                    var e = assertThrows(UnsupportedKerasFeatureException.class,
                            () -> KerasConfig.modelFromJson(fixture.get("model_config")));
                    assertTrue(e.getMessage().contains(expected), "expected the refusal to name " + expected + ": "
                            + e.getMessage());
                    assertTrue(e.layerName() != null && e.getMessage().contains(e.layerName()),
                            "the refusal names the layer: " + e.getMessage());
                    return;
                }
                Model model;
                try {
                    model = KerasConfig.modelFromJson(fixture.get("model_config"));
                } catch (RuntimeException e) {
                    fail(name + ": " + e, e);
                    return;
                }
                JsonNode params = fixture.get("weights_param_count");
                if (params != null && !params.isNull()) {
                    assertTrue(model.inputShape() != null, name + " declares its input shape, so it is built");
                    assertEquals(params.asInt(), model.countParams(), name + ": parameters in the weights file");
                }
                // What jnn read, it writes and reads back to the same architecture.
                Model again = KerasConfig.modelFromJson(KerasConfig.modelToJson(model));
                assertNull(JsonDiff.diff(KerasConfig.modelToJson(model), KerasConfig.modelToJson(again)), name);
                JsonNode training = fixture.get("training_config");
                if (training != null && !training.isNull()) {
                    String refused = FixtureExpectations.COMPILE_REFUSED.get(name);
                    if (refused != null) {
                        var e = assertThrows(UnsupportedKerasFeatureException.class,
                                () -> KerasConfig.compileFromJson(model, training));
                        assertTrue(e.getMessage().contains(refused), e.getMessage());
                    } else {
                        KerasConfig.compileFromJson(model, training);
                        assertTrue(model.isCompiled());
                    }
                }
            }));
        }
        assertEquals(29, tests.size(), "one dumped config per fixture");
        return tests;
    }
}
