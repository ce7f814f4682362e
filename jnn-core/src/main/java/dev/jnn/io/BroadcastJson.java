package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jnn.layers.BroadcastValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras's forms of a number-or-array argument: a JSON number, a nested list, or a NumPy array as
 * Keras 3 serializes it ({@code {"class_name": "__numpy__", "config": {"value": ..., "dtype": ...}}},
 * tuples likewise as {@code "__tuple__"}). Written back as a number or a nested list.
 */
final class BroadcastJson {
    private BroadcastJson() {
    }

    /** The value under {@code key}, or {@code defaultValue} when absent or null. */
    static BroadcastValues read(LayerArgs a, String key, BroadcastValues defaultValue) {
        JsonNode v = a.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.isObject()) {
            String cls = v.path("class_name").asText("");
            if (!cls.equals("__numpy__") && !cls.equals("__tuple__")) {
                throw a.malformed(key, "a number or an array", v);
            }
            String dtype = v.path("config").path("dtype").asText("float32");
            if (dtype.startsWith("complex") || dtype.equals("bool") || dtype.startsWith("str")) {
                throw a.malformed(key, "a numeric array", v);
            }
            v = v.path("config").get("value");
        }
        List<Integer> shape = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        if (v == null || !collect(v, 0, shape, values)) {
            throw a.malformed(key, "a number or a rectangular array of numbers", a.raw().get(key));
        }
        return new BroadcastValues(shape, values);
    }

    /** Walks a nested list depth-first, recording the shape at first sight and checking it after. */
    private static boolean collect(JsonNode v, int depth, List<Integer> shape, List<Double> values) {
        if (v.isNumber()) {
            if (depth < shape.size()) {
                return false;
            }
            values.add(v.asDouble());
            return true;
        }
        if (!v.isArray()) {
            return false;
        }
        if (depth == shape.size() && values.isEmpty()) {
            shape.add(v.size());
        } else if (depth >= shape.size() || shape.get(depth) != v.size()) {
            return false;
        }
        for (JsonNode e : v) {
            if (!collect(e, depth + 1, shape, values)) {
                return false;
            }
        }
        return true;
    }

    /** A number, or a nested list of the array's shape. */
    static JsonNode write(BroadcastValues b) {
        if (b.isScalar()) {
            return JsonNodes.FACTORY.numberNode(b.values().get(0));
        }
        int[] position = {0};
        return nested(b, 0, position);
    }

    private static ArrayNode nested(BroadcastValues b, int axis, int[] position) {
        ArrayNode out = JsonNodes.array();
        for (int i = 0; i < b.shape().get(axis); i++) {
            if (axis == b.rank() - 1) {
                out.add(b.values().get(position[0]++));
            } else {
                out.add(nested(b, axis + 1, position));
            }
        }
        return out;
    }
}
