package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The golden files of tools/golden/make_callbacks_golden.py (real Keras 3.15.1 driving its callbacks
 * with scripted logs), under /golden/callbacks/.
 */
final class CallbackGolden {
    // Python's json writes NaN and Infinity for the non-finite log values.
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private CallbackGolden() {
    }

    static JsonNode read(String name) {
        String resource = "/golden/callbacks/" + name + ".json";
        try (InputStream in = CallbackGolden.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object of numbers as mutable logs, in the file's key order. */
    static Map<String, Double> logs(JsonNode object) {
        Map<String, Double> logs = new LinkedHashMap<>();
        object.properties().forEach(e -> logs.put(e.getKey(), e.getValue().asDouble()));
        return logs;
    }

    /** A JSON number or null. */
    static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    /** The distinct strings of a JSON array, in order: Python recorded every warning, jnn shows each once. */
    static List<String> distinct(JsonNode array) {
        var seen = new LinkedHashSet<String>();
        array.forEach(node -> seen.add(node.asText()));
        return new ArrayList<>(seen);
    }

    /** The lines a {@link Warnings} stream printed, without the {@code UserWarning: } prefix. */
    static List<String> warnings(String printed) {
        List<String> lines = new ArrayList<>();
        for (String line : printed.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line.replaceFirst("^UserWarning: ", ""));
            }
        }
        return lines;
    }

    /** Keras's "auto", "min" or "max" as a {@link MonitorMode}. */
    static MonitorMode mode(JsonNode args) {
        return args.has("mode") ? MonitorMode.valueOf(args.get("mode").asText().toUpperCase()) : MonitorMode.AUTO;
    }
}
