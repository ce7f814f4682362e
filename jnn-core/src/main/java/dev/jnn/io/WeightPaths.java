package dev.jnn.io;

import dev.jnn.layers.Bidirectional;
import dev.jnn.layers.Layer;
import dev.jnn.layers.MultiHeadAttention;
import dev.jnn.layers.TimeDistributed;
import dev.jnn.models.Model;
import dev.jnn.tensor.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Keras 3's {@code saving_lib} stores each object's variables in {@code model.weights.h5}.
 *
 * <p>The walk starts at the model (path "") and visits its {@code layers} container; each member is
 * named after its class in snake case, made unique within the container ({@code dense, dense_1}),
 * not after the layer's own name, which is not reproducible. A nested model recurses
 * ({@code layers/sequential/layers/dense}). Every object gets a {@code vars} group carrying its
 * {@code name} attribute, holding its variables as datasets {@code 0, 1, ...}: trainable ones first,
 * then the others, each in creation order. The optimizer follows at {@code optimizer}.
 */
final class WeightPaths {
    /** One object's variables: the group {@code path + "/vars"}. */
    record Entry(String path, String name, String description, List<Parameter> variables) {
        String varsPath() {
            return path.isEmpty() ? "vars" : path + "/vars";
        }
    }

    private WeightPaths() {
    }

    /** Every object of the model that owns a {@code vars} group, in saving order. */
    static List<Entry> of(Model model) {
        List<Entry> entries = new ArrayList<>();
        walk(model, "", entries, Collections.newSetFromMap(new IdentityHashMap<>()));
        return entries;
    }

    private static void walk(Model model, String path, List<Entry> entries, Set<Object> visited) {
        if (!visited.add(model)) {
            return;
        }
        entries.add(new Entry(path, model.name(), "model \"" + model.name() + "\"", List.of()));
        Map<String, Integer> used = new HashMap<>();
        String container = path.isEmpty() ? "layers" : path + "/layers";
        for (Layer layer : model.layers()) {
            String child = container + "/" + KerasNames.unique(KerasNames.snakeCase(layer.className()), used);
            Model nested = Model.nestedModel(layer);
            if (nested != null) {
                walk(nested, child, entries, visited);
            } else if (visited.add(layer)) {
                addLayer(layer, child, entries);
            }
        }
    }

    /**
     * A layer's own variables, and those of the sublayers Keras keeps as attributes: a wrapper's
     * {@code layer}, a Bidirectional's {@code forward_layer} and {@code backward_layer}, multi-head
     * attention's four projections ({@code query_dense}, ...).
     */
    private static void addLayer(Layer layer, String path, List<Entry> entries) {
        String description = "layer \"" + layer.name() + "\" (" + layer.className() + ")";
        if (layer instanceof TimeDistributed wrapper) {
            entries.add(new Entry(path, layer.name(), description, List.of()));
            addLayer(wrapper.layer(), path + "/layer", entries);
        } else if (layer instanceof MultiHeadAttention) {
            entries.add(new Entry(path, layer.name(), description, List.of()));
            // jnn names the weights "query/kernel", ..., "attention_output/bias", as Keras's variable paths.
            Map<String, List<Parameter>> byProjection = new LinkedHashMap<>();
            for (Parameter p : layer.parameters()) {
                int slash = p.name().indexOf('/');
                byProjection.computeIfAbsent(slash < 0 ? "" : p.name().substring(0, slash), k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<Parameter>> projection : byProjection.entrySet()) {
                String attribute = projection.getKey().equals("attention_output") ? "output_dense"
                        : projection.getKey() + "_dense";
                entries.add(new Entry(path + "/" + attribute, projection.getKey(),
                        description + " projection " + projection.getKey(), kerasOrder(projection.getValue())));
            }
        } else if (layer instanceof Bidirectional wrapper) {
            // Keras keeps the two directions as attributes, each a recurrent layer with its cell:
            // layers/bidirectional/forward_layer/cell/vars/0..2, then backward_layer.
            entries.add(new Entry(path, layer.name(), description, List.of()));
            addLayer(wrapper.forwardLayer(), path + "/forward_layer", entries);
            addLayer(wrapper.backwardLayer(), path + "/backward_layer", entries);
        } else if (RECURRENT.contains(layer.className())) {
            // Keras's recurrent layers keep their weights in a cell (layers/lstm/cell/vars/0..2), which
            // Keras names after its class ("lstm_cell"), whatever the layer's own name.
            entries.add(new Entry(path, layer.name(), description, List.of()));
            entries.add(new Entry(path + "/cell", KerasNames.snakeCase(layer.className()) + "_cell",
                    description + " cell", kerasOrder(layer.parameters())));
        } else {
            entries.add(new Entry(path, layer.name(), description, kerasOrder(layer.parameters())));
        }
    }

    private static final Set<String> RECURRENT = Set.of("SimpleRNN", "LSTM", "GRU");

    /** Keras's {@code _trainable_variables + _non_trainable_variables}. */
    static List<Parameter> kerasOrder(List<Parameter> parameters) {
        List<Parameter> ordered = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            if (p.trainable()) {
                ordered.add(p);
            }
        }
        for (Parameter p : parameters) {
            if (!p.trainable()) {
                ordered.add(p);
            }
        }
        return ordered;
    }
}
