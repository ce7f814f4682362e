package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which Keras generation wrote a config, where a name's meaning changed between them (Keras 3's
 * {@code hard_sigmoid}, GRU's default {@code reset_after}). Known from the file's {@code keras_version}
 * when the caller has it, from the config's own {@code keras_version} (Keras 2's {@code to_json}), or
 * from Keras 3's marks: {@code module} keys, {@code batch_shape}, dtype policy objects.
 */
final class KerasGeneration {
    private static final ThreadLocal<Integer> CURRENT = new ThreadLocal<>();

    private KerasGeneration() {
    }

    /** The major version of the config being read; 3 outside a model read. */
    static int current() {
        Integer major = CURRENT.get();
        return major == null ? 3 : major;
    }

    static boolean active() {
        return CURRENT.get() != null;
    }

    static void set(Integer major) {
        if (major == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(major);
        }
    }

    /** The major version from a version string such as "2.1.3" or "2.2.4-tf"; null when unreadable. */
    static Integer major(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.parseInt(version.substring(0, end));
    }

    /** The generation that wrote {@code config}, by its marks. */
    static int detect(JsonNode config) {
        Integer declared = major(config.path("keras_version").asText(null));
        if (declared != null) {
            return declared;
        }
        return hasKeras3Marks(config) ? 3 : 2;
    }

    private static boolean hasKeras3Marks(JsonNode node) {
        if (node.isObject()) {
            if (node.has("module") || node.has("batch_shape") || node.has("registered_name")
                    || "DTypePolicy".equals(node.path("class_name").asText()) || node.has("build_config")) {
                return true;
            }
            for (JsonNode child : node) {
                if (hasKeras3Marks(child)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasKeras3Marks(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
