package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.activations.ActivationFunction;
import dev.jnn.activations.Activations;
import dev.jnn.initializers.Initializer;
import dev.jnn.layers.DataFormat;
import dev.jnn.initializers.Initializers;
import dev.jnn.regularizers.Regularizer;
import dev.jnn.regularizers.Regularizers;
import dev.jnn.tensor.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code config} of one Keras layer, read in any Keras generation: each getter takes the Keras 3
 * key first and the older spellings after it ({@code "units", "output_dim"}), and remembers what it
 * read. {@link #finish()} then refuses any entry nobody read whose value would change the layer, so
 * that nothing is silently dropped.
 */
final class LayerArgs {
    /** Entries every layer may carry that do not change what it computes, or that the model reads. */
    private static final Set<String> COMMON = Set.of("name", "trainable", "dtype", "batch_input_shape", "batch_shape",
            "input_shape", "input_dim", "input_length", "input_dtype", "batch_size", "build_config");

    private final String className;
    private final String name;
    private final JsonNode config;
    private final Set<String> read = new HashSet<>();

    LayerArgs(String className, JsonNode config) {
        this.className = className;
        this.config = config == null || config.isNull() ? JsonNodes.object() : config;
        JsonNode n = this.config.get("name");
        this.name = n == null || n.isNull() ? null : n.asText();
        checkCommon();
    }

    String className() {
        return className;
    }

    /** The layer's name, or null when the config has none. */
    String name() {
        return name;
    }

    JsonNode raw() {
        return config;
    }

    private void checkCommon() {
        JsonNode trainable = config.get("trainable");
        if (trainable != null && trainable.isBoolean() && !trainable.asBoolean()) {
            throw unsupported("trainable=false (frozen layers)");
        }
        JsonNode dtype = config.get("dtype");
        if (dtype != null && !dtype.isNull()) {
            String policy = dtype.isTextual() ? dtype.asText() : dtype.path("config").path("name").asText(null);
            if (!"float32".equals(policy)) {
                throw unsupported("dtype " + (policy == null ? dtype.toString() : policy));
            }
        }
        for (String key : List.of("sparse", "ragged")) {
            if (config.path(key).asBoolean(false)) {
                throw unsupported(key + "=true");
            }
        }
    }

    /** The entry under the first of {@code keys} present and not null; null when none is. */
    JsonNode get(String... keys) {
        for (String key : keys) {
            read.add(key);
        }
        for (String key : keys) {
            JsonNode v = config.get(key);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    boolean has(String... keys) {
        for (String key : keys) {
            JsonNode v = config.get(key);
            if (v != null && !v.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** Marks entries as understood without reading them (they do not change the computation). */
    void ignore(String... keys) {
        for (String key : keys) {
            read.add(key);
        }
    }

    int intValue(int defaultValue, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return defaultValue;
        }
        if (v.isArray() && v.size() == 1) {
            v = v.get(0);
        }
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            throw malformed(keys[0], "an integer", v);
        }
        return v.asInt();
    }

    float floatValue(float defaultValue, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber()) {
            throw malformed(keys[0], "a number", v);
        }
        return (float) v.asDouble();
    }

    Float nullableFloat(String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw malformed(keys[0], "a number or null", v);
        }
        return (float) v.asDouble();
    }

    boolean bool(boolean defaultValue, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw malformed(keys[0], "true or false", v);
        }
        return v.asBoolean();
    }

    String string(String defaultValue, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isTextual()) {
            throw malformed(keys[0], "a string", v);
        }
        return v.asText();
    }

    Long seed() {
        JsonNode v = get("seed");
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw malformed("seed", "an integer or null", v);
        }
        return v.asLong();
    }

    /** An integer or a list of {@code rank} integers (Keras's {@code kernel_size=3} or {@code (3, 3)}). */
    List<Integer> tuple(int rank, List<Integer> defaultValue, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return defaultValue;
        }
        List<Integer> out = new ArrayList<>(rank);
        if (v.isNumber()) {
            for (int i = 0; i < rank; i++) {
                out.add(v.asInt());
            }
            return out;
        }
        if (!v.isArray() || v.size() != rank) {
            throw malformed(keys[0], rank + " integers", v);
        }
        for (JsonNode e : v) {
            if (!e.isIntegralNumber()) {
                throw malformed(keys[0], rank + " integers", v);
            }
            out.add(e.asInt());
        }
        return out;
    }

    /** A list of integers of any length. */
    int[] ints(String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return new int[] {v.asInt()};
        }
        if (!v.isArray()) {
            throw malformed(keys[0], "a list of integers", v);
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (e == null || e.isNull()) {
                throw unsupported(keys[0] + " with an unknown (None) entry " + v);
            }
            if (!e.isIntegralNumber()) {
                throw malformed(keys[0], "a list of integers", v);
            }
            out[i] = e.asInt();
        }
        return out;
    }

    ActivationFunction activation(String defaultName, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return Activations.get(defaultName);
        }
        String fn;
        Map<String, Object> args = Map.of();
        if (v.isTextual()) {
            fn = v.asText();
        } else if (v.isObject()) {
            // Keras 3 writes a serialized function ({"module": "keras.activations", "class_name": "function",
            // "config": "relu"}) for activations given as callables.
            JsonNode cfg = v.get("config");
            fn = cfg != null && cfg.isTextual() ? cfg.asText() : v.path("class_name").asText(null);
            if (cfg != null && cfg.isObject()) {
                args = JsonNodes.toMap(cfg);
            }
        } else {
            throw malformed(keys[0], "an activation name", v);
        }
        if ("hard_sigmoid".equals(fn) && args.isEmpty() && KerasGeneration.current() < 3) {
            return new Keras2HardSigmoid();
        }
        if (fn == null || !Activations.names().contains(fn)) {
            throw unsupported(keys[0] + "=" + v);
        }
        return Activations.fromConfig(fn, args);
    }

    /** An initializer given by name (Keras 1/2 strings) or as a serialized object; null gives the default. */
    Initializer initializer(String defaultName, String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return Initializers.get(defaultName);
        }
        try {
            if (v.isTextual()) {
                return Initializers.get(keras1Initializer(v.asText()));
            }
            String cls = v.path("class_name").asText(null);
            Map<String, Object> cfg = new LinkedHashMap<>(JsonNodes.toMap(v.get("config")));
            cfg.remove("dtype"); // tf.keras 2 records the dtype of every initializer; jnn's are float32
            if ("VarianceScaling".equals(cls) && "normal".equals(cfg.get("distribution"))) {
                cfg.put("distribution", "truncated_normal"); // Keras 2's "normal" was truncated
            }
            return Initializers.fromConfig(cls, cfg);
        } catch (IllegalArgumentException e) {
            throw unsupported(keys[0] + "=" + v + " (" + e.getMessage() + ")");
        }
    }

    private static String keras1Initializer(String name) {
        return switch (name) {
            case "one" -> "ones";
            case "zero" -> "zeros";
            default -> name;
        };
    }

    /** A regularizer as Keras 1 (flat with "l1"/"l2"), Keras 2 or Keras 3 serializes it; null when none. */
    Regularizer regularizer(String... keys) {
        JsonNode v = get(keys);
        if (v == null) {
            return null;
        }
        try {
            if (v.isTextual()) {
                return Regularizers.get(v.asText());
            }
            if (!v.has("class_name") && (v.has("l1") || v.has("l2"))) {
                double l1 = v.path("l1").asDouble(0);
                double l2 = v.path("l2").asDouble(0);
                return l1 == 0 ? Regularizers.l2(l2) : l2 == 0 ? Regularizers.l1(l1) : Regularizers.l1L2(l1, l2);
            }
            return Regularizers.fromConfig(v.path("class_name").asText(null), JsonNodes.toMap(v.get("config")));
        } catch (IllegalArgumentException e) {
            throw unsupported(keys[0] + "=" + v + " (" + e.getMessage() + ")");
        }
    }

    /** Entries that must be absent or null (constraints, activity regularizers, ...). */
    void requireNull(String... keys) {
        for (String key : keys) {
            read.add(key);
            JsonNode v = config.get(key);
            if (v != null && !v.isNull()) {
                throw unsupported(key + "=" + v);
            }
        }
    }

    /** An entry that must be absent, null or one of {@code allowed} (compared as JSON text values). */
    void requireOneOf(String key, Object... allowed) {
        read.add(key);
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return;
        }
        for (Object a : allowed) {
            if (a instanceof String s && v.isTextual() && v.asText().equals(s)
                    || a instanceof Boolean b && v.isBoolean() && v.asBoolean() == b
                    || a instanceof Number n && v.isNumber() && v.asDouble() == n.doubleValue()) {
                return;
            }
        }
        throw unsupported(key + "=" + v);
    }

    /**
     * Keras's {@code data_format} of a layer that supports both layouts, or Keras 1's {@code dim_ordering}
     * ("th" is channels_first; its kernel layout is converted by {@link LegacyConvKernels}).
     */
    DataFormat dataFormat() {
        requireOneOf("dim_ordering", "tf", "th", "default");
        requireOneOf("image_data_format", "channels_last");
        if ("th".equals(string(null, "dim_ordering"))) {
            return DataFormat.CHANNELS_FIRST; // Keras 1's Theano ordering; its kernels are converted on load
        }
        String format = string("channels_last", "data_format");
        try {
            return DataFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw unsupported("data_format=" + format);
        }
    }

    /** Keras's data format: only channels_last (Keras 1's dim_ordering "tf") is supported. */
    void requireChannelsLast() {
        requireOneOf("data_format", "channels_last");
        requireOneOf("dim_ordering", "tf", "default");
        requireOneOf("image_data_format", "channels_last");
    }

    /** The declared per-sample input shape ({@code batch_shape}, {@code batch_input_shape}, Keras 1's input_dim), or null. */
    Shape declaredInputShape() {
        JsonNode batch = get("batch_shape", "batch_input_shape");
        if (batch != null) {
            return shapeWithoutBatch(batch, "batch_shape");
        }
        JsonNode shape = get("input_shape");
        if (shape != null) {
            int[] dims = dims(shape, "input_shape");
            return Shape.of(dims);
        }
        JsonNode inputDim = get("input_dim");
        if (inputDim != null && inputDim.isNumber()) {
            JsonNode length = get("input_length");
            if (length != null && length.isNumber()) {
                return Shape.of(length.asInt(), inputDim.asInt());
            }
            return Shape.of(inputDim.asInt());
        }
        return null;
    }

    /** Whether the declared input shape leaves an axis besides the batch unknown (a variable length). */
    boolean declaresVariableShape() {
        for (String key : List.of("batch_shape", "batch_input_shape", "input_shape")) {
            JsonNode shape = config.get(key);
            if (shape != null && shape.isArray()) {
                for (int i = key.equals("input_shape") ? 0 : 1; i < shape.size(); i++) {
                    if (shape.get(i).isNull()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    Shape shapeWithoutBatch(JsonNode batchShape, String key) {
        if (!batchShape.isArray() || batchShape.size() < 2) {
            throw malformed(key, "a batch shape with at least one axis besides the batch", batchShape);
        }
        int[] all = dims(batchShape, key);
        int[] dims = new int[all.length - 1];
        System.arraycopy(all, 1, dims, 0, dims.length);
        return Shape.of(dims);
    }

    private int[] dims(JsonNode shape, String key) {
        int[] out = new int[shape.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode d = shape.get(i);
            if (d.isNull()) {
                if (i == 0 && key.startsWith("batch")) {
                    continue;
                }
                throw unsupported(key + " " + shape + " (jnn needs every axis but the batch to be known)");
            }
            out[i] = d.asInt();
        }
        return out;
    }

    /** Refuses entries nobody read, unless Keras's own default (null, false, empty) leaves them inactive. */
    void finish() {
        var it = config.fieldNames();
        while (it.hasNext()) {
            String key = it.next();
            if (read.contains(key) || COMMON.contains(key)) {
                continue;
            }
            JsonNode v = config.get(key);
            boolean inactive = v.isNull() || v.isBoolean() && !v.asBoolean()
                    || v.isContainerNode() && v.isEmpty();
            if (!inactive) {
                throw unsupported(key + "=" + v);
            }
        }
    }

    UnsupportedKerasFeatureException unsupported(String detail) {
        return new UnsupportedKerasFeatureException(className, name, detail);
    }

    IllegalArgumentException malformed(String key, String expected, JsonNode got) {
        return new IllegalArgumentException("Keras " + className + " layer \"" + name + "\": " + key + " must be "
                + expected + ", got " + got);
    }
}
