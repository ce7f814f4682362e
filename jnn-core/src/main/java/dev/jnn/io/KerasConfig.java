package dev.jnn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Layer;
import dev.jnn.models.Model;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keras model configs, both ways: a model's architecture (Keras's {@code model.to_json()}, a
 * {@code .keras} file's {@code config.json}, an {@code .h5} file's {@code model_config}) and its compile
 * arguments ({@code compile_config} or legacy {@code training_config}).
 *
 * <p>Reads configs written by Keras 1, Keras 2 / tf.keras and Keras 3; writes what Keras 3 writes. A
 * class or argument jnn does not implement is refused with {@link UnsupportedKerasFeatureException},
 * never approximated.
 *
 * <pre>{@code
 * Model model = KerasConfig.modelFromJson(KerasConfig.parse(json));
 * ObjectNode config = KerasConfig.modelToJson(model);      // .keras config.json
 * ObjectNode legacy = KerasConfig.modelToLegacyJson(model); // .h5 model_config
 * }</pre>
 */
public final class KerasConfig {
    private static final Map<String, Function<JsonNode, Model>> CUSTOM_MODELS = new ConcurrentHashMap<>();

    private KerasConfig() {
    }

    /** Parses JSON text. */
    public static JsonNode parse(String json) {
        try {
            return JsonNodes.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A jnn model from a Keras model config ({@code {"class_name": "Sequential"|"Functional"|"Model",
     * "config": {...}}}) of any Keras generation, every layer configured as in the file and named as
     * there. The model is built when the config declares its input shape.
     *
     * @throws UnsupportedKerasFeatureException for a class or argument jnn does not implement
     */
    public static Model modelFromJson(JsonNode modelConfig) {
        if (modelConfig == null || !modelConfig.isObject() || !modelConfig.has("class_name")) {
            throw new IllegalArgumentException("a Keras model config is an object with \"class_name\" and \"config\", got "
                    + (modelConfig == null ? null : abbreviate(modelConfig.toString())));
        }
        return modelFromJson(modelConfig, null);
    }

    /**
     * {@link #modelFromJson(JsonNode)} for a config written by Keras {@code kerasVersion} (e.g. a file's
     * {@code keras_version} attribute, "2.1.3"): names whose meaning changed in Keras 3 get their
     * meaning of that version. With null the version is detected from the config.
     */
    public static Model modelFromJson(JsonNode modelConfig, String kerasVersion) {
        if (modelConfig == null || !modelConfig.isObject() || !modelConfig.has("class_name")) {
            throw new IllegalArgumentException("a Keras model config is an object with \"class_name\" and \"config\", got "
                    + (modelConfig == null ? null : abbreviate(modelConfig.toString())));
        }
        return ModelReader.read(modelConfig, kerasVersion);
    }

    /** {@link #modelFromJson(JsonNode)} from JSON text. */
    public static Model modelFromJson(String json) {
        return modelFromJson(parse(json));
    }

    /**
     * The Keras 3 serialization of a model, as a {@code .keras} file's {@code config.json} holds it:
     * {@code module}, {@code class_name}, {@code config}, {@code registered_name}, {@code build_config}
     * and {@code compile_config} ({@code {}} when not compiled).
     */
    public static ObjectNode modelToJson(Model model) {
        return ModelWriter.write(model, true, false);
    }

    /** The legacy form, as an {@code .h5} file's {@code model_config} attribute: class_name and config. */
    public static ObjectNode modelToLegacyJson(Model model) {
        return ModelWriter.write(model, false, false);
    }

    /**
     * Compiles {@code model} from Keras 3's {@code compile_config} or a legacy {@code training_config}
     * ({@code optimizer_config}, Keras 1/2 keys like {@code lr}).
     */
    public static void compileFromJson(Model model, JsonNode compileConfig) {
        model.compile(CompileJson.read(compileConfig));
    }

    /** Keras 3's {@code compile_config} of a compiled model. */
    public static ObjectNode compileToJson(Model model) {
        return CompileJson.write(model);
    }

    /** The legacy {@code training_config} of a compiled model ({@code optimizer_config} instead of {@code optimizer}). */
    public static ObjectNode compileToLegacyJson(Model model) {
        return CompileJson.writeLegacy(model);
    }

    /**
     * Registers a custom layer class: configs whose {@code registered_name} (or, failing that,
     * {@code class_name}) is {@code registeredName} are built by {@code factory} from their
     * {@code config} object. The layer is then named as in the config.
     */
    public static void register(String registeredName, Function<JsonNode, Layer> factory) {
        LayerRegistry.registerCustom(requireName(registeredName), factory);
    }

    /**
     * Registers a custom layer class both ways: read as {@link #register(String, Function)}, and
     * written as Keras 3 writes registered custom objects ({@code registered_name} = {@code registeredName},
     * {@code config} from {@code writer}).
     */
    public static <L extends Layer> void register(String registeredName, Class<L> type, Function<JsonNode, L> reader,
                                                  Function<L, ObjectNode> writer) {
        LayerRegistry.registerCustom(requireName(registeredName), type, reader, writer);
    }

    /** Registers a custom model class (a subclassed Keras model), built by {@code factory} from its config. */
    public static void registerModel(String registeredName, Function<JsonNode, Model> factory) {
        CUSTOM_MODELS.put(requireName(registeredName), factory);
    }

    static Function<JsonNode, Model> customModel(String name) {
        return name == null ? null : CUSTOM_MODELS.get(name);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("registered name must not be blank, got '" + name + "'");
        }
        return name;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
