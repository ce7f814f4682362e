package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.tensor.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between Jackson trees and the plain maps of jnn's configs. */
final class JsonNodes {
    static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNodes() {
    }

    static ObjectNode object() {
        return FACTORY.objectNode();
    }

    static ArrayNode array() {
        return FACTORY.arrayNode();
    }

    /**
     * A float as Keras writes a Python float the user typed: the shortest decimal that gives the float
     * back (0.9f becomes 0.9, not 0.8999999761581421).
     */
    static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /** Any config value (maps, lists, numbers, strings, booleans, null) as JSON; floats as {@link #decimal}. */
    static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> FACTORY.nullNode();
            case JsonNode n -> n;
            case String s -> FACTORY.textNode(s);
            case Boolean b -> FACTORY.booleanNode(b);
            case Float f -> FACTORY.numberNode(decimal(f));
            case Double d -> FACTORY.numberNode(d);
            case Integer i -> FACTORY.numberNode(i);
            case Long l -> FACTORY.numberNode(l);
            case Number n -> FACTORY.numberNode(n.doubleValue());
            case Map<?, ?> m -> {
                ObjectNode o = object();
                m.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
                yield o;
            }
            case List<?> l -> {
                ArrayNode a = array();
                l.forEach(v -> a.add(toJson(v)));
                yield a;
            }
            case int[] ints -> ints(ints);
            case Enum<?> e -> FACTORY.textNode(e.name().toLowerCase(java.util.Locale.ROOT));
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        };
    }

    static ArrayNode ints(int... values) {
        ArrayNode a = array();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode ints(List<Integer> values) {
        ArrayNode a = array();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** Keras's batch shape {@code [null, d1, d2, ...]} of a per-sample shape. */
    static ArrayNode batchShape(Shape sample) {
        ArrayNode a = array();
        a.addNull();
        for (int i = 0; i < sample.rank(); i++) {
            a.add(sample.dim(i));
        }
        return a;
    }

    /** A JSON object as a map of plain Java values (numbers as Integer/Long/Double), in order. */
    static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), toJava(e.getValue()));
        }
        return out;
    }

    static Object toJava(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            return toMap(v);
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(toJava(e)));
            return list;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.asInt() : (Object) v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.asText();
    }
}
