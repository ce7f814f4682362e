package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.callbacks.Progbar;
import dev.jnn.callbacks.ProgbarLogger;
import dev.jnn.layers.LayerNames;
import dev.jnn.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** summary() text and fit(verbose=2) lines against what real Keras 3.15.1 printed. */
class KerasGoldenOutputTest {
    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xor_before_fit", "named_layers", "mlp_784_256_128_10_dropout", "flatten_reshape"})
    void summaryMatchesKerasAt88Columns(String name) throws IOException {
        JsonNode spec = KerasGoldenFitTest.read("/golden/summary/" + name + ".json");
        Sequential model = KerasGoldenFitTest.buildModel(spec);
        assertEquals(text("/golden/summary/" + name + ".txt"), model.summaryText(88));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xor_after_fit"})
    void summaryAfterFitCountsOptimizerVariables(String name) throws IOException {
        JsonNode spec = KerasGoldenFitTest.read("/golden/summary/" + name + ".json");
        Sequential model = KerasGoldenFitTest.buildModel(spec);
        KerasGoldenFitTest.compile(model, spec.get("compile"));
        JsonNode data = KerasGoldenFitTest.read("/golden/fit/xor.json");
        model.fit(KerasGoldenFitTest.tensor(data.get("x")), KerasGoldenFitTest.tensor(data.get("y")),
                FitOptions.builder().epochs(5).shuffle(false).verbose(0).build());
        // byte sizes included: Keras on TensorFlow keeps `iterations` as int64 (8 bytes)
        assertEquals(text("/golden/summary/" + name + ".txt"), model.summaryText(88));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xor_verbose2_2epochs", "xor_verbose2_1epoch"})
    void verbose2LinesMatchKeras(String name) throws IOException {
        JsonNode spec = KerasGoldenFitTest.read("/golden/progress/" + name + ".json");
        JsonNode data = KerasGoldenFitTest.read("/golden/fit/xor.json");
        Sequential model = KerasGoldenFitTest.buildModel(data);
        List<float[]> initial = new ArrayList<>();
        for (JsonNode w : data.get("initial_weights")) {
            initial.add(KerasGoldenFitTest.floats(w.get("values")));
        }
        model.setWeights(initial);
        KerasGoldenFitTest.compile(model, spec.get("compile"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] now = {0};
        ProgbarLogger logger = new ProgbarLogger(out, () -> now[0] += 1_000_000, Progbar.Display.PLAIN);
        Tensor x = KerasGoldenFitTest.tensor(data.get("x"));
        Tensor y = KerasGoldenFitTest.tensor(data.get("y"));
        model.fit(x, y, FitOptions.builder().epochs(spec.get("fit").get("epochs").asInt()).shuffle(false).verbose(2)
                .callbacks(logger).build());
        String pattern = spec.get("timing_pattern").asText();
        String replacement = spec.get("timing_replacement").asText();
        List<String> actual = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            actual.add(line.replaceAll(pattern, replacement));
        }
        List<String> expected = new ArrayList<>();
        spec.get("lines").forEach(l -> expected.add(l.asText()));
        assertTrue(expected.size() >= 2);
        assertEquals(expected, actual);
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = KerasGoldenOutputTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
