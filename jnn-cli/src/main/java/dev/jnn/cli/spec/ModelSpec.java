package dev.jnn.cli.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.io.KerasConfig;
import dev.jnn.io.LayerRegistry;
import dev.jnn.io.UnsupportedKerasFeatureException;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.LayerNames;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The {@code model} of a spec: a compact layer list, a Keras model config (inline or a
 * {@code config.json} file), or a saved {@code .keras}/{@code .h5} model. Paths are relative to the
 * spec file.
 *
 * <pre>{@code
 * model: {input: [4], layers: [{dense: 16, activation: relu}, {dense: 3, activation: softmax}]}
 * model: iris-config.json
 * model: pretrained.keras
 * }</pre>
 */
public sealed interface ModelSpec {
    /**
     * A new model (uncompiled unless it came from a file that holds compile settings). Weights drawn
     * at build time come from the calling thread's seed stream, so seed it first.
     */
    Model build() throws IOException;

    /** Keras compile settings the model's source carries, or null (then the spec must give them). */
    default JsonNode compileConfig() throws IOException {
        return null;
    }

    /** A {@code Sequential} from compact layers on an input of shape {@code input} (batch axis excluded). */
    record LayerList(String name, List<Integer> input, List<SpecNode> layers) implements ModelSpec {
        public LayerList {
            input = List.copyOf(input);
            layers = List.copyOf(layers);
        }

        @Override
        public Model build() {
            LayerNames.reset();   // names dense, dense_1, ... whatever this thread built before
            Sequential model = name == null ? new Sequential() : new Sequential(name);
            model.add(Input.shape(input.stream().mapToInt(Integer::intValue).toArray()));
            for (SpecNode node : layers) {
                ObjectNode keras = CompactLayers.toKeras(node);
                String className = keras.get("class_name").asText();
                if (!LayerRegistry.supports(className)) {
                    throw new SpecException(node.path() + ".class_name", "unknown layer class \"" + className
                            + "\"; allowed: " + String.join(", ", new TreeSet<>(LayerRegistry.kerasClassNames())));
                }
                Layer layer;
                try {
                    layer = LayerRegistry.read(keras);
                    model.add(layer);
                } catch (SpecException e) {
                    throw e;
                } catch (UnsupportedKerasFeatureException e) {
                    throw argumentError(node, className, e);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new SpecException(node.path(), className + ": " + e.getMessage(), e);
                }
            }
            return model;
        }
    }

    /** The registry's refusal of one argument ({@code detail} "key=value"), said as a spec error at that key. */
    private static SpecException argumentError(SpecNode node, String className, UnsupportedKerasFeatureException e) {
        String detail = e.detail();
        int eq = detail == null ? -1 : detail.indexOf('=');
        String key = eq > 0 ? detail.substring(0, eq) : null;
        if (key == null || !node.json().has(key)) {
            return new SpecException(node.path(), className + ": " + e.getMessage(), e);
        }
        return new SpecException(node.path() + "." + key, className + ": argument \"" + key
                + "\" is not a Keras " + className + " argument jnn supports (got " + detail.substring(eq + 1) + ")", e);
    }

    /** A Keras model config given inline or read from a {@code config.json} (or {@code model.to_json()}) file. */
    record KerasModelConfig(String path, Path file, JsonNode inline) implements ModelSpec {
        @Override
        public Model build() throws IOException {
            LayerNames.reset();
            try {
                return KerasConfig.modelFromJson(json());
            } catch (IllegalArgumentException e) {
                throw new SpecException(path, (file == null ? "" : file + ": ") + e.getMessage(), e);
            }
        }

        @Override
        public JsonNode compileConfig() throws IOException {
            JsonNode c = json().get("compile_config");
            return c == null || c.isNull() || c.isEmpty() ? null : c;
        }

        private JsonNode json() throws IOException {
            return inline != null ? inline : KerasConfig.parse(Files.readString(file));
        }
    }

    /** A saved model ({@code .keras} or {@code .h5}): architecture, weights and, if saved, compile settings. */
    record SavedModel(String path, Path file) implements ModelSpec {
        @Override
        public Model build() throws IOException {
            try {
                return Model.load(file);
            } catch (IllegalArgumentException e) {
                throw new SpecException(path, file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads {@code model} from a spec; paths resolve against {@code baseDir}. */
    static ModelSpec read(SpecNode node, Path baseDir) {
        if (node.isText()) {
            Path file = baseDir.resolve(node.text());
            if (!Files.isRegularFile(file)) {
                throw node.error("file " + file + " not found");
            }
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".keras") || lower.endsWith(".h5") || lower.endsWith(".hdf5")) {
                return new SavedModel(node.path(), file);
            }
            if (lower.endsWith(".json")) {
                return new KerasModelConfig(node.path(), file, null);
            }
            throw node.error("a model file is a .keras or .h5 model or a Keras config .json, got " + file);
        }
        if (!node.isObject()) {
            throw node.error("must be {\"input\": [...], \"layers\": [...]}, a Keras model config, or a path to a"
                    + " .keras, .h5 or config .json file; got " + SpecNode.describe(node.json()));
        }
        if (node.has("class_name")) {
            return new KerasModelConfig(node.path(), null, node.json());
        }
        node.onlyFields("input", "layers", "name");
        List<Integer> input = new ArrayList<>();
        for (SpecNode d : node.required("input", "the input shape without the batch axis, e.g. [4]").list(true)) {
            input.add(d.intValue(1));
        }
        List<SpecNode> layers = node.required("layers", "a list of layers, e.g. [{\"dense\": 3}]").list(false);
        if (layers.isEmpty()) {
            throw new SpecException(node.path() + ".layers", "needs at least one layer");
        }
        for (SpecNode layer : layers) {
            CompactLayers.toKeras(layer);   // form errors now, not at the first run
        }
        String name = node.has("name") ? node.field("name").text() : null;
        return new LayerList(name, input, layers);
    }
}
