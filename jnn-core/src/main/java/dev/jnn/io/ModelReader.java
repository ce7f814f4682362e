package dev.jnn.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a Sequential or functional model from its Keras config, in any Keras generation: layer
 * lists (Keras 1 and early Keras 2 write a Sequential's config as the bare list), declared input
 * shapes, and the functional graph's {@code inbound_nodes} (Keras 1/2 {@code [[name, node, tensor,
 * kwargs], ...]} or Keras 3 {@code {"args": [...], "kwargs": {...}}} with {@code __keras_tensor__}).
 */
final class ModelReader {
    private static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");

    private ModelReader() {
    }

    static boolean isModelClass(String className) {
        return MODEL_CLASSES.contains(className);
    }

    /** Reads a model, its generation given by {@code kerasVersion} or, when null, detected from the config. */
    static Model read(JsonNode model, String kerasVersion) {
        if (KerasGeneration.active()) {
            return read(model);
        }
        Integer major = KerasGeneration.major(kerasVersion);
        KerasGeneration.set(major != null ? major : KerasGeneration.detect(model));
        try {
            return read(model);
        } finally {
            KerasGeneration.set(null);
        }
    }

    static Model read(JsonNode model) {
        if (!KerasGeneration.active()) {
            return read(model, null);
        }
        String className = model.path("class_name").asText(null);
        String registered = model.path("registered_name").asText(null);
        JsonNode config = model.get("config");
        var custom = KerasConfig.customModel(registered != null ? registered : className);
        if (custom == null && className != null) {
            custom = KerasConfig.customModel(className);
        }
        if (custom != null) {
            return custom.apply(config);
        }
        if ("Sequential".equals(className)) {
            return readSequential(config);
        }
        if (("Functional".equals(className) || "Model".equals(className)) && config != null
                && config.has("layers") && config.has("input_layers")) {
            return readFunctional(config);
        }
        String name = config == null ? null : config.path("name").asText(null);
        throw new UnsupportedKerasFeatureException(registered != null ? registered : className, name,
                config != null && config.has("layers") || MODEL_CLASSES.contains(className) ? "this model config"
                        : null);
    }

    private static Sequential readSequential(JsonNode config) {
        JsonNode layers = config.isArray() ? config : config.path("layers");
        String name = config.isObject() ? config.path("name").asText(null) : null;
        Sequential model = name != null ? new Sequential(name) : new Sequential();
        boolean first = true;
        for (JsonNode layerNode : layers) {
            String cls = layerNode.path("class_name").asText(null);
            if ("InputLayer".equals(cls)) {
                model.add(CoreLayerCodecs.readInput(new LayerArgs(cls, layerNode.get("config"))));
                first = false;
                continue;
            }
            if (first && !isModelClass(cls)) {
                Shape declared = new LayerArgs(cls, layerNode.get("config")).declaredInputShape();
                if (declared != null) {
                    model.add(input(declared));
                }
            }
            first = false;
            Layer layer = LayerRegistry.read(layerNode);
            try {
                model.add(layer);
            } catch (UnsupportedKerasFeatureException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw shapeRefused(layer, e);
            }
        }
        JsonNode buildShape = config.isObject() ? config.get("build_input_shape") : null;
        if (model.inputShape() == null && buildShape != null && buildShape.isArray() && !model.layers().isEmpty()) {
            model.build(new LayerArgs("Sequential", config).shapeWithoutBatch(buildShape, "build_input_shape"));
        }
        return model;
    }

    private static Input input(Shape shape) {
        int[] dims = new int[shape.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.dim(i);
        }
        return Input.shape(dims);
    }

    /** A reference to one output of one call of a layer: Keras's {@code keras_history}. */
    private record Ref(String layer, int node, int tensor) {
    }

    /** One layer's not-yet-made calls, in order. */
    private record Pending(String layer, Deque<List<Ref>> nodes) {
    }

    private static Functional readFunctional(JsonNode config) {
        String name = config.path("name").asText(null);
        Map<String, Layer> layers = new LinkedHashMap<>();
        Map<String, List<List<SymbolicTensor>>> outputs = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (JsonNode entry : config.path("layers")) {
            String cls = entry.path("class_name").asText(null);
            String layerName = entry.has("name") ? entry.get("name").asText()
                    : entry.path("config").path("name").asText(null);
            if ("InputLayer".equals(cls)) {
                Input input = CoreLayerCodecs.readInput(new LayerArgs(cls, entry.get("config")));
                int[] dims = new int[input.shape().rank()];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = input.shape().dim(i);
                }
                SymbolicTensor t = Input.tensor(layerName, dims);
                outputs.computeIfAbsent(layerName, k -> new ArrayList<>()).add(List.of(t));
                continue;
            }
            Deque<List<Ref>> nodes = new ArrayDeque<>();
            Map<String, JsonNode> callArguments = new LinkedHashMap<>();
            for (JsonNode node : entry.path("inbound_nodes")) {
                nodes.add(refs(node, cls, layerName, callArguments));
            }
            Layer layer = LayerRegistry.read(withCallArguments(entry, callArguments));
            layers.put(layerName, layer);
            pending.add(new Pending(layerName, nodes));
        }
        // Keras's functional_from_config: call layers in order, postponing a call whose inputs are not made yet.
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Pending p : pending) {
                while (!p.nodes.isEmpty() && ready(p.nodes.peekFirst(), outputs)) {
                    List<SymbolicTensor> in = new ArrayList<>();
                    for (Ref r : p.nodes.pollFirst()) {
                        in.add(tensor(r, outputs));
                    }
                    List<SymbolicTensor> out = call(layers.get(p.layer), in);
                    outputs.computeIfAbsent(p.layer, k -> new ArrayList<>()).add(out);
                    progress = true;
                }
            }
        }
        for (Pending p : pending) {
            if (!p.nodes.isEmpty()) {
                throw new IllegalArgumentException("Keras functional config \"" + name + "\": the inputs of layer \""
                        + p.layer + "\" " + p.nodes.peekFirst() + " are never produced");
            }
        }
        List<SymbolicTensor> ins = new ArrayList<>();
        for (Ref r : endpoints(config.get("input_layers"))) {
            ins.add(tensor(r, outputs));
        }
        List<SymbolicTensor> outs = new ArrayList<>();
        for (Ref r : endpoints(config.get("output_layers"))) {
            outs.add(tensor(r, outputs));
        }
        return new Functional(ins, outs, name);
    }

    /**
     * Calls a layer on symbolic tensors. Keras built this graph, so a shape jnn refuses is a case jnn
     * does not implement (e.g. Attention on rank-2 inputs), reported as such.
     */
    private static List<SymbolicTensor> call(Layer layer, List<SymbolicTensor> in) {
        try {
            return layer.applyAll(in);
        } catch (UnsupportedKerasFeatureException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw shapeRefused(layer, e);
        }
    }

    private static UnsupportedKerasFeatureException shapeRefused(Layer layer, IllegalArgumentException e) {
        var refused = new UnsupportedKerasFeatureException(layer.className(), layer.name(),
                "the input shapes Keras gave it (" + e.getMessage() + ")");
        refused.initCause(e);
        return refused;
    }

    private static boolean ready(List<Ref> refs, Map<String, List<List<SymbolicTensor>>> outputs) {
        for (Ref r : refs) {
            List<List<SymbolicTensor>> made = outputs.get(r.layer);
            if (made == null || made.size() <= r.node) {
                return false;
            }
        }
        return true;
    }

    private static SymbolicTensor tensor(Ref r, Map<String, List<List<SymbolicTensor>>> outputs) {
        List<List<SymbolicTensor>> made = outputs.get(r.layer);
        if (made == null || made.size() <= r.node || made.get(r.node).size() <= r.tensor) {
            throw new IllegalArgumentException("Keras functional config: no tensor " + r.layer + "[" + r.node + "]["
                    + r.tensor + "]");
        }
        return made.get(r.node).get(r.tensor);
    }

    /** {@code input_layers}/{@code output_layers}: one {@code [name, node, tensor]} or a list of them. */
    private static List<Ref> endpoints(JsonNode node) {
        List<Ref> refs = new ArrayList<>();
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("Keras functional config: input_layers/output_layers must be lists, got "
                    + node);
        }
        if (node.size() > 0 && node.get(0).isTextual()) {
            refs.add(ref(node));
            return refs;
        }
        for (JsonNode r : node) {
            refs.add(ref(r));
        }
        return refs;
    }

    private static Ref ref(JsonNode r) {
        return new Ref(r.get(0).asText(), r.get(1).asInt(), r.get(2).asInt());
    }

    /**
     * The tensors one call reads, from a Keras 1/2 list or a Keras 3 args/kwargs object. Keyword
     * arguments that are configuration in jnn (Attention's use_causal_mask) are collected into
     * {@code callArguments}; masks and {@code training=False} are Keras's own plumbing; anything else
     * is refused.
     */
    private static List<Ref> refs(JsonNode node, String cls, String layerName, Map<String, JsonNode> callArguments) {
        List<Ref> refs = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode r : node) {
                refs.add(ref(r));
                JsonNode kwargs = r.size() > 3 ? r.get(3) : null;
                checkKwargs(kwargs, cls, layerName, callArguments);
            }
            return refs;
        }
        collect(node.path("args"), refs, cls, layerName);
        checkKwargs(node.get("kwargs"), cls, layerName, callArguments);
        return refs;
    }

    private static void collect(JsonNode args, List<Ref> refs, String cls, String layerName) {
        if (args.isArray()) {
            for (JsonNode a : args) {
                collect(a, refs, cls, layerName);
            }
        } else if (args.isObject() && "__keras_tensor__".equals(args.path("class_name").asText())) {
            refs.add(ref(args.path("config").path("keras_history")));
        } else {
            throw new UnsupportedKerasFeatureException(cls, layerName, "the call argument " + args);
        }
    }

    private static void checkKwargs(JsonNode kwargs, String cls, String layerName, Map<String, JsonNode> callArguments) {
        if (kwargs == null || !kwargs.isObject()) {
            return;
        }
        var it = kwargs.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("mask") && v.isNull() || key.equals("training") && (v.isNull() || !v.asBoolean(true))) {
                continue;
            }
            if (LayerRegistry.callArguments(cls).contains(key) && (v.isBoolean() || v.isNumber() || v.isNull())) {
                JsonNode before = callArguments.putIfAbsent(key, v);
                if (before != null && !before.equals(v)) {
                    throw new UnsupportedKerasFeatureException(cls, layerName, "calls with different " + key
                            + " (" + before + " and " + v + ")");
                }
                continue;
            }
            throw new UnsupportedKerasFeatureException(cls, layerName, "the call argument " + key + "=" + v);
        }
    }

    /** The layer entry with the call arguments jnn keeps in the layer's config added to its config. */
    private static JsonNode withCallArguments(JsonNode entry, Map<String, JsonNode> callArguments) {
        if (callArguments.isEmpty()) {
            return entry;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = entry.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) copy
                .get("config");
        callArguments.forEach(config::set);
        return copy;
    }
}
