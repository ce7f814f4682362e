package dev.jnn.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered config maps that mirror Keras's {@code get_config()} (values may be null). */
final class KerasConfig {
    private KerasConfig() {
    }

    /** Keras's base entries: {@code {"name": name, "dtype": "float32"}}. */
    static Map<String, Object> base(String name) {
        return with(name);
    }

    /** The base entries followed by {@code key, value} pairs. */
    static Map<String, Object> with(String name, Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", name);
        map.put("dtype", "float32");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
