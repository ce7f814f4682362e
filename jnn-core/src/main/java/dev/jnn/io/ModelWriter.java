package dev.jnn.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.Node;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a jnn model as Keras 3 serializes it: the {@code config.json} object of a {@code .keras}
 * file (with {@code module}, {@code registered_name}, {@code build_config}, {@code compile_config}),
 * or the legacy {@code model_config} of an {@code .h5} file (class_name and config only).
 */
final class ModelWriter {
    private ModelWriter() {
    }

    /**
     * @param keras3 the {@code .keras} form; false for the legacy form
     * @param nested whether the model is a layer of another (its compile config is then empty)
     */
    static ObjectNode write(Model model, boolean keras3, boolean nested) {
        ObjectNode out = JsonNodes.object();
        switch (model) {
            case Sequential s -> {
                if (keras3) {
                    out.put("module", "keras");
                }
                out.put("class_name", "Sequential");
                out.set("config", sequentialConfig(s, keras3));
                if (keras3) {
                    out.putNull("registered_name");
                    if (s.inputShape() != null) {
                        ObjectNode build = JsonNodes.object();
                        build.set("input_shape", JsonNodes.batchShape(s.inputShape()));
                        out.set("build_config", build);
                    }
                }
            }
            case Functional f -> {
                if (keras3) {
                    out.put("module", "keras.src.models.functional");
                }
                out.put("class_name", "Functional");
                out.set("config", functionalConfig(f, keras3));
                if (keras3) {
                    out.put("registered_name", "Functional");
                    ObjectNode build = JsonNodes.object();
                    build.putNull("input_shape");
                    out.set("build_config", build);
                }
            }
            default -> throw new UnsupportedKerasFeatureException(model.getClass().getSimpleName(), model.name(),
                    "writing a model that is neither Sequential nor Functional");
        }
        if (keras3) {
            out.set("compile_config", nested || !model.isCompiled() ? JsonNodes.object() : CompileJson.write(model));
        }
        return out;
    }

    private static ObjectNode sequentialConfig(Sequential model, boolean keras3) {
        ObjectNode c = JsonNodes.object();
        c.put("name", model.name());
        c.put("trainable", true);
        c.set("dtype", LayerJson.dtypePolicy());
        ArrayNode layers = JsonNodes.array();
        if (model.inputShape() != null) {
            ObjectNode input = JsonNodes.object();
            if (keras3) {
                input.put("module", "keras.layers");
            }
            input.put("class_name", "InputLayer");
            // jnn's Sequential keeps the input's shape, not its layer: Keras's default name stands in.
            input.set("config", CoreLayerCodecs.inputConfig(model.inputShape(), "input_layer"));
            if (keras3) {
                input.putNull("registered_name");
            }
            layers.add(input);
        }
        for (Layer layer : model.layers()) {
            layers.add(keras3 ? LayerRegistry.write(layer) : LayerRegistry.writeLegacy(layer));
        }
        c.set("layers", layers);
        if (model.inputShape() != null) {
            c.set("build_input_shape", JsonNodes.batchShape(model.inputShape()));
        }
        return c;
    }

    private static ObjectNode functionalConfig(Functional model, boolean keras3) {
        // Keras numbers a layer's calls among those inside this model only (node_reindexing_map).
        Map<Node, Integer> nodeIndex = new IdentityHashMap<>();
        List<Layer> layers = new ArrayList<>();
        for (Node node : model.nodes()) {
            if (!layers.contains(node.layer())) {
                layers.add(node.layer());
            }
        }
        List<Layer> ordered = new ArrayList<>();
        // An input no output depends on is still one of the model's inputs: Keras lists it first.
        for (SymbolicTensor in : model.inputs()) {
            if (!model.layers().contains(in.layer()) && !ordered.contains(in.layer())) {
                ordered.add(in.layer());
            }
        }
        for (Layer layer : model.layers()) {
            ordered.add(layer);
        }
        for (Layer layer : layers) {
            if (!ordered.contains(layer)) {
                ordered.add(0, layer);
            }
        }
        for (Layer layer : ordered) {
            int k = 0;
            for (Node node : layer.inboundNodes()) {
                if (model.contains(node)) {
                    nodeIndex.put(node, k++);
                }
            }
        }
        ObjectNode c = JsonNodes.object();
        c.put("name", model.name());
        c.put("trainable", true);
        ArrayNode list = JsonNodes.array();
        for (Layer layer : ordered) {
            ObjectNode entry;
            if (layer instanceof Input input) {
                entry = JsonNodes.object();
                if (keras3) {
                    entry.put("module", "keras.layers");
                }
                entry.put("class_name", "InputLayer");
                entry.set("config", CoreLayerCodecs.inputConfig(input.shape(), input.name()));
                if (keras3) {
                    entry.putNull("registered_name");
                }
            } else {
                entry = keras3 ? LayerRegistry.write(layer) : LayerRegistry.writeLegacy(layer);
            }
            entry.put("name", layer.name());
            ArrayNode inbound = JsonNodes.array();
            if (!(layer instanceof Input)) {
                for (Node node : layer.inboundNodes()) {
                    if (model.contains(node)) {
                        inbound.add(call(layer, node, nodeIndex));
                    }
                }
            }
            entry.set("inbound_nodes", inbound);
            list.add(entry);
        }
        c.set("layers", list);
        c.set("input_layers", endpoints(model.inputs(), nodeIndex));
        c.set("output_layers", endpoints(model.outputs(), nodeIndex));
        return c;
    }

    private static ObjectNode call(Layer layer, Node node, Map<Node, Integer> nodeIndex) {
        ArrayNode args = JsonNodes.array();
        List<SymbolicTensor> inputs = node.inputs();
        if (inputs.size() == 1) {
            args.add(kerasTensor(inputs.get(0), nodeIndex));
        } else if (layer.className().equals("MultiHeadAttention")) {
            inputs.forEach(t -> args.add(kerasTensor(t, nodeIndex)));
        } else {
            ArrayNode list = JsonNodes.array();
            inputs.forEach(t -> list.add(kerasTensor(t, nodeIndex)));
            args.add(list);
        }
        ObjectNode call = JsonNodes.object();
        call.set("args", args);
        call.set("kwargs", LayerRegistry.callKwargs(layer));
        return call;
    }

    private static ObjectNode kerasTensor(SymbolicTensor t, Map<Node, Integer> nodeIndex) {
        ObjectNode config = JsonNodes.object();
        config.set("shape", JsonNodes.batchShape(t.shape()));
        config.put("dtype", "float32");
        config.set("keras_history", history(t, nodeIndex));
        ObjectNode out = JsonNodes.object();
        out.put("class_name", "__keras_tensor__");
        out.set("config", config);
        return out;
    }

    private static ArrayNode history(SymbolicTensor t, Map<Node, Integer> nodeIndex) {
        ArrayNode h = JsonNodes.array();
        h.add(t.layer().name());
        h.add(nodeIndex.getOrDefault(t.node(), 0));
        h.add(t.index());
        return h;
    }

    private static ArrayNode endpoints(List<SymbolicTensor> tensors, Map<Node, Integer> nodeIndex) {
        if (tensors.size() == 1) {
            return history(tensors.get(0), nodeIndex);
        }
        ArrayNode all = JsonNodes.array();
        tensors.forEach(t -> all.add(history(t, nodeIndex)));
        return all;
    }
}
