package dev.jnn.optimizers;

import java.util.List;
import java.util.Map;

/**
 * Reads typed entries of a Keras config map (as parsed from JSON: numbers, booleans, strings, lists,
 * nested maps), falling back to a default when the key is absent.
 */
final class ConfigReader {
    private final String owner;
    private final Map<String, ?> config;

    ConfigReader(String owner, Map<String, ?> config) {
        if (config == null) {
            throw new IllegalArgumentException(owner + ": config must not be null");
        }
        this.owner = owner;
        this.config = config;
    }

    /** What the config describes, e.g. {@code "Adam"}, for error messages. */
    String owner() {
        return owner;
    }

    /** Whether {@code key} is present, even with a {@code null} (Keras {@code None}) value. */
    boolean contains(String key) {
        return config.containsKey(key);
    }

    /** Whether {@code key} is present with a non-null value. */
    boolean has(String key) {
        return config.get(key) != null;
    }

    Object raw(String key) {
        return config.get(key);
    }

    float floatValue(String key, float defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : number(key, v).floatValue();
    }

    double doubleValue(String key, double defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : number(key, v).doubleValue();
    }

    /** A nullable float (Keras {@code None} is {@code null}). */
    Float nullableFloat(String key) {
        Object v = config.get(key);
        return v == null ? null : number(key, v).floatValue();
    }

    long longValue(String key, long defaultValue) {
        Object v = config.get(key);
        if (v == null) {
            return defaultValue;
        }
        double d = number(key, v).doubleValue();
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(owner + ": " + key + " must be a whole number, got " + v);
        }
        return (long) d;
    }

    boolean booleanValue(String key, boolean defaultValue) {
        Object v = config.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(owner + ": " + key + " must be a boolean, got " + v);
    }

    String string(String key, String defaultValue) {
        Object v = config.get(key);
        return v == null ? defaultValue : v.toString();
    }

    List<?> list(String key) {
        Object v = config.get(key);
        if (v instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(owner + ": " + key + " must be a list, got " + v);
    }

    Number number(String key, Object v) {
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(owner + ": " + key + " must be a number, got " + v);
    }
}
