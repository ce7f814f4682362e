package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Layer;
import dev.jnn.models.Model;
import dev.jnn.tensor.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keras class names and jnn layer classes, both ways: how to build a jnn layer from a Keras layer
 * config of any Keras generation, and how to write a jnn layer as Keras 3 does.
 *
 * <p>Every layer in {@code dev.jnn.layers} has an entry; an unknown class is refused with
 * {@link UnsupportedKerasFeatureException}. Custom classes are added with
 * {@link KerasConfig#register(String, Function)}.
 */
public final class LayerRegistry {
    /** How one layer class is read and written. */
    record Codec(String className, Class<? extends Layer> type, Function<LayerArgs, Layer> reader,
                 Function<Layer, ObjectNode> writer, boolean buildConfig, ObjectNode callKwargs) {
    }

    private static final Map<String, Codec> BY_KERAS_NAME = new LinkedHashMap<>();
    private static final Map<Class<? extends Layer>, Codec> BY_TYPE = new LinkedHashMap<>();
    private static final Map<String, Function<JsonNode, Layer>> CUSTOM = new ConcurrentHashMap<>();
    private static final Map<Class<? extends Layer>, Codec> CUSTOM_WRITERS = new ConcurrentHashMap<>();
    private static final Map<Class<? extends Layer>, String> CUSTOM_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> CALL_ARGUMENTS = new LinkedHashMap<>();
    private static final Map<String, Function<Layer, ObjectNode>> BUILD_CONFIGS = new LinkedHashMap<>();

    static {
        CoreLayerCodecs.register();
        ConvLayerCodecs.register();
        RecurrentLayerCodecs.register();
        MergeLayerCodecs.register();
        AttentionCodecs.register();
        PreprocessingCodecs.register();
        ImagePreprocessingCodecs.register();
        Layers1DCodecs.register();
        Conv1DVariantCodecs.register();
    }

    private LayerRegistry() {
    }

    /**
     * Adds a layer class: {@code reader} builds it from a Keras config, {@code writer} returns its
     * Keras config; {@code buildConfig} whether Keras writes a {@code build_config} for it (layers
     * that override {@code build}); {@code callKwargs} the {@code kwargs} Keras records for a call.
     */
    @SuppressWarnings("unchecked")
    static <L extends Layer> void add(String className, Class<L> type, boolean buildConfig, ObjectNode callKwargs,
                                      Function<LayerArgs, L> reader, Function<L, ObjectNode> writer) {
        Codec codec = new Codec(className, type, (Function<LayerArgs, Layer>) reader,
                layer -> writer.apply((L) layer), buildConfig, callKwargs);
        BY_KERAS_NAME.put(className, codec);
        if (type != null) {
            BY_TYPE.put(type, codec);
        }
    }

    static <L extends Layer> void add(String className, Class<L> type, boolean buildConfig,
                                      Function<LayerArgs, L> reader, Function<L, ObjectNode> writer) {
        add(className, type, buildConfig, null, reader, writer);
    }

    /** Another Keras name (an older spelling) read like {@code className}. */
    static void alias(String alias, String className) {
        Codec c = BY_KERAS_NAME.get(className);
        BY_KERAS_NAME.put(alias, new Codec(alias, null, c.reader, c.writer, c.buildConfig, c.callKwargs));
    }

    /** Keras 3 call keyword arguments that jnn keeps in the layer's config (read from inbound_nodes). */
    static void callArguments(String className, String... keys) {
        CALL_ARGUMENTS.put(className, Set.of(keys));
    }

    static Set<String> callArguments(String className) {
        return CALL_ARGUMENTS.getOrDefault(className, Set.of());
    }

    /** A layer whose Keras build_config is not {@code {"input_shape": ...}}. */
    static void buildConfig(String className, Function<Layer, ObjectNode> writer) {
        BUILD_CONFIGS.put(className, writer);
    }

    static void registerCustom(String registeredName, Function<JsonNode, Layer> factory) {
        CUSTOM.put(registeredName, factory);
    }

    /** A custom class written back as Keras 3 writes registered custom objects. */
    static <L extends Layer> void registerCustom(String registeredName, Class<L> type, Function<JsonNode, L> reader,
                                                 Function<L, ObjectNode> writer) {
        CUSTOM.put(registeredName, reader::apply);
        String simple = registeredName.contains(">") ? registeredName.substring(registeredName.indexOf('>') + 1)
                : registeredName;
        @SuppressWarnings("unchecked")
        Function<Layer, ObjectNode> untyped = layer -> writer.apply((L) layer);
        CUSTOM_WRITERS.put(type, new Codec(simple, type, null, untyped, false, null));
        CUSTOM_NAMES.put(type, registeredName);
    }

    /** The Keras class names jnn reads (older spellings included). */
    public static Set<String> kerasClassNames() {
        return Collections.unmodifiableSet(BY_KERAS_NAME.keySet());
    }

    /** The jnn layer classes jnn writes. */
    public static Set<Class<? extends Layer>> layerTypes() {
        return Collections.unmodifiableSet(BY_TYPE.keySet());
    }

    /** Whether a Keras class name (or registered custom name) can be read. */
    public static boolean supports(String kerasClassName) {
        return BY_KERAS_NAME.containsKey(kerasClassName) || CUSTOM.containsKey(kerasClassName);
    }

    /**
     * A jnn layer from a serialized Keras layer ({@code {"class_name": ..., "config": {...}}}, with or
     * without Keras 3's {@code module}/{@code registered_name}); nested models come back as
     * {@link Model#asLayer()}.
     */
    public static Layer read(JsonNode layer) {
        String className = layer.path("class_name").asText(null);
        JsonNode config = layer.get("config");
        String registered = layer.path("registered_name").asText(null);
        if (registered != null && CUSTOM.containsKey(registered)) {
            return named(CUSTOM.get(registered).apply(config), config);
        }
        if (className != null && CUSTOM.containsKey(className)) {
            return named(CUSTOM.get(className).apply(config), config);
        }
        if (ModelReader.isModelClass(className)) {
            return ModelReader.read(layer).asLayer();
        }
        Codec codec = className == null ? null : BY_KERAS_NAME.get(className);
        if (codec == null) {
            String name = config == null ? null : config.path("name").asText(null);
            throw new UnsupportedKerasFeatureException(registered != null ? registered : className, name, null);
        }
        LayerArgs args = new LayerArgs(className, config);
        Layer result = codec.reader.apply(args);
        args.finish();
        return named(result, config);
    }

    private static Layer named(Layer layer, JsonNode config) {
        String name = config == null ? null : config.path("name").asText(null);
        if (name != null && !name.equals(layer.name())) {
            layer.named(name);
        }
        return layer;
    }

    /** The Keras 3 serialization of a layer: module, class_name, config, registered_name, build_config. */
    public static ObjectNode write(Layer layer) {
        Model nested = Model.nestedModel(layer);
        if (nested != null) {
            return ModelWriter.write(nested, true, true);
        }
        String custom = CUSTOM_NAMES.get(layer.getClass());
        if (custom != null) {
            ObjectNode out = JsonNodes.object();
            out.putNull("module");
            out.put("class_name", CUSTOM_WRITERS.get(layer.getClass()).className());
            out.set("config", CUSTOM_WRITERS.get(layer.getClass()).writer().apply(layer));
            out.put("registered_name", custom);
            return out;
        }
        Codec codec = codecOf(layer);
        ObjectNode out = JsonNodes.object();
        out.put("module", "keras.layers");
        out.put("class_name", codec.className);
        out.set("config", codec.writer.apply(layer));
        out.putNull("registered_name");
        if (codec.buildConfig && layer.built()) {
            Function<Layer, ObjectNode> special = BUILD_CONFIGS.get(codec.className);
            out.set("build_config", special != null ? special.apply(layer) : buildConfig(layer.inputShapes()));
        }
        return out;
    }

    /** The legacy (.h5 {@code model_config}) form of a layer: class_name and config only. */
    static ObjectNode writeLegacy(Layer layer) {
        Model nested = Model.nestedModel(layer);
        if (nested != null) {
            return ModelWriter.write(nested, false, true);
        }
        ObjectNode out = JsonNodes.object();
        String custom = CUSTOM_NAMES.get(layer.getClass());
        out.put("class_name", custom != null ? custom : codecOf(layer).className);
        out.set("config", codecOf(layer).writer.apply(layer));
        return out;
    }

    /** The kwargs Keras records for a call of this layer in a functional graph ({@code {}} by default). */
    static ObjectNode callKwargs(Layer layer) {
        if (Model.nestedModel(layer) != null) {
            ObjectNode k = JsonNodes.object();
            k.putNull("mask");
            return k;
        }
        ObjectNode k = codecOf(layer).callKwargs;
        return k == null ? JsonNodes.object() : k.deepCopy();
    }

    static ObjectNode buildConfig(List<Shape> shapes) {
        ObjectNode b = JsonNodes.object();
        if (shapes.size() == 1) {
            b.set("input_shape", JsonNodes.batchShape(shapes.get(0)));
        } else {
            ArrayNode all = JsonNodes.array();
            shapes.forEach(s -> all.add(JsonNodes.batchShape(s)));
            b.set("input_shape", all);
        }
        return b;
    }

    private static Codec codecOf(Layer layer) {
        Codec codec = BY_TYPE.get(layer.getClass());
        if (codec == null) {
            codec = CUSTOM_WRITERS.get(layer.getClass());
        }
        if (codec == null) {
            throw new UnsupportedKerasFeatureException(layer.className(), layer.name(),
                    "writing the jnn class " + layer.getClass().getName() + " (no Keras writer registered)");
        }
        return codec;
    }

    static ObjectNode kwargs(String... nullKeys) {
        ObjectNode k = JsonNodes.object();
        for (String key : nullKeys) {
            if (key.equals("training")) {
                k.put("training", false);
            } else {
                k.putNull(key);
            }
        }
        return k;
    }
}
