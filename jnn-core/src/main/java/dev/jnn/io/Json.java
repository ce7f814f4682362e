package dev.jnn.io;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the package (thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The {@code keras_version} recorded in a JSON document (metadata.json, a to_json() config), or null. */
    static String kerasVersion(String json) {
        try {
            var node = MAPPER.readTree(json).get("keras_version");
            return node == null || !node.isTextual() ? null : node.asText();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
