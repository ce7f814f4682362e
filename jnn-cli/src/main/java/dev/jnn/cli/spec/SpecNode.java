package dev.jnn.cli.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One node of a spec document with its JSON path, so that every error can say where it is
 * ({@code fit.early_stopping.patience: must be an integer >= 0, got -1}).
 *
 * <p>Objects declare their fields up front with {@link #onlyFields}: a misspelt field is refused
 * by name rather than silently ignored, which is the mistake spec files invite most.
 * Numbers written as strings are accepted ({@code "1e-3"}), because YAML 1.1 reads {@code 1e-3}
 * without a dot as a string.
 *
 * <pre>{@code
 * SpecNode fit = root.field("fit");
 * fit.onlyFields("epochs", "batch_size");
 * int epochs = fit.field("epochs").intValue(1);
 * }</pre>
 */
public final class SpecNode {
    private final JsonNode node;
    private final String path;

    private SpecNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The document's root. */
    public static SpecNode root(JsonNode node) {
        return new SpecNode(node, "");
    }

    /** The JSON path of this node ({@code ""} for the root). */
    public String path() {
        return path;
    }

    /** The underlying JSON. */
    public JsonNode json() {
        return node;
    }

    /** Whether this is a JSON object. */
    public boolean isObject() {
        return node.isObject();
    }

    /** Whether this is a string. */
    public boolean isText() {
        return node.isTextual();
    }

    /** Whether this is a list. */
    public boolean isList() {
        return node.isArray();
    }

    /** Whether the object has a non-null field {@code key}. */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The object's field names, in document order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** Refuses this node unless it is an object whose fields are all in {@code allowed}. */
    public SpecNode onlyFields(String... allowed) {
        requireObject();
        Set<String> ok = Set.of(allowed);
        for (String key : fieldNames()) {
            if (!ok.contains(key)) {
                throw new SpecException(childPath(key), "unknown field \"" + key + "\"; allowed fields"
                        + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** Refuses this node unless it is an object. */
    public SpecNode requireObject() {
        if (!node.isObject()) {
            throw error("must be an object, got " + describe(node));
        }
        return this;
    }

    /** The field {@code key}, or null when absent or null. */
    public SpecNode field(String key) {
        requireObject();
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : new SpecNode(v, childPath(key));
    }

    /** The field {@code key}; an error saying what it should hold when absent. */
    public SpecNode required(String key, String what) {
        SpecNode v = field(key);
        if (v == null) {
            throw new SpecException(childPath(key), "missing; give " + what);
        }
        return v;
    }

    /** The elements of a list (a single value counts as a list of one when {@code singleOk}). */
    public List<SpecNode> list(boolean singleOk) {
        if (!node.isArray()) {
            if (singleOk) {
                return List.of(this);
            }
            throw error("must be a list, got " + describe(node));
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new SpecNode(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** A string value. */
    public String text() {
        if (!node.isTextual()) {
            throw error("must be a string, got " + describe(node));
        }
        return node.asText();
    }

    /** A boolean value. */
    public boolean bool() {
        if (!node.isBoolean()) {
            throw error("must be true or false, got " + describe(node));
        }
        return node.asBoolean();
    }

    /** A number (a numeric string is read too). */
    public double number() {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw error("must be a number, got " + describe(node));
    }

    /** A whole number of at least {@code min}. */
    public int intValue(int min) {
        double v = number();
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw error("must be a whole number >= " + min + ", got " + describe(node));
        }
        return (int) v;
    }

    /** A fraction strictly between 0 and 1. */
    public double fraction() {
        double v = number();
        if (!(v > 0 && v < 1)) {
            throw error("must be a number between 0 and 1 (exclusive), got " + describe(node));
        }
        return v;
    }

    /** A string that must be one of {@code allowed}. */
    public String oneOf(List<String> allowed) {
        String v = text();
        if (!allowed.contains(v)) {
            throw error("unknown value \"" + v + "\"; allowed: " + String.join(", ", allowed));
        }
        return v;
    }

    /** An error at this node's path. */
    public SpecException error(String message) {
        return new SpecException(path, message);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A short description of a value for error messages. */
    static String describe(JsonNode v) {
        String text = v.isTextual() ? "\"" + v.asText() + "\"" : v.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
