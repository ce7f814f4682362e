package dev.jnn.models;

import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.LayerNames;
import dev.jnn.layers.Node;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras's functional model: a graph of layer calls from symbolic inputs to symbolic outputs, with
 * several inputs and outputs, shared layers and nested models.
 *
 * <pre>{@code
 * SymbolicTensor image = Input.tensor("image", 28, 28, 1);
 * SymbolicTensor meta = Input.tensor("meta", 4);
 * SymbolicTensor features = new Flatten().apply(new Conv2D(8, 3, "relu").apply(image));
 * SymbolicTensor merged = new Concatenate().apply(features, meta);
 * SymbolicTensor digit = new Dense(10, "softmax").named("digit").apply(merged);
 * SymbolicTensor odd = new Dense(1, "sigmoid").named("odd").apply(merged);
 * Model model = Model.of(List.of(image, meta), List.of(digit, odd));
 * }</pre>
 *
 * <p>The graph is sorted once, as Keras's {@code map_graph} does (layers by decreasing depth, ties in
 * discovery order from the outputs); a call then runs the layer calls in that order over an array of
 * slots, one per symbolic tensor, so that running the graph allocates nothing of its own.
 */
public final class Functional extends Model {
    private final String name;
    private final List<SymbolicTensor> inputs;
    private final List<SymbolicTensor> outputs;
    private final List<Layer> layers;
    private final List<Node> nodes;
    private final Set<Node> graphNodes;
    private final Step[] steps;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final Tensor[] values;

    /** One layer call of the graph: which slots it reads and which it writes. */
    private record Step(Layer layer, int[] in, int[] out) {
    }

    /**
     * A model from {@code inputs} (made by {@link Input#tensor}) to {@code outputs}; {@code name} null
     * gives Keras's automatic {@code functional}, {@code functional_1}, ...
     */
    public Functional(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name) {
        if (inputs == null || inputs.isEmpty() || outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("Functional: a model needs at least one input and one output");
        }
        for (SymbolicTensor in : inputs) {
            if (!in.node().isInput()) {
                throw new IllegalArgumentException("Functional: model inputs must come from Input.tensor(...); "
                        + in + " was produced by layer \"" + in.layer().name() + "\"");
            }
        }
        if (new HashSet<>(inputs).size() != inputs.size()) {
            throw new IllegalArgumentException("Functional: the same input is listed twice in " + inputs);
        }
        this.name = name != null ? name : LayerNames.next("Functional");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);

        List<Node> ordered = new ArrayList<>();
        Map<Layer, Integer> discovery = new IdentityHashMap<>();
        collect(outputs, ordered, discovery);
        this.nodes = Collections.unmodifiableList(ordered);
        this.graphNodes = Collections.newSetFromMap(new IdentityHashMap<>());
        graphNodes.addAll(ordered);
        this.layers = sortLayers(ordered, discovery);
        checkUniqueNames(layers);

        Map<SymbolicTensor, Integer> slots = new HashMap<>();
        for (SymbolicTensor in : this.inputs) {
            slots.put(in, slots.size());
        }
        List<Step> plan = new ArrayList<>();
        for (Node node : ordered) {
            if (node.isInput()) {
                if (!slots.containsKey(node.outputs().get(0))) {
                    throw disconnected(node.outputs().get(0));
                }
                continue;
            }
            int[] in = new int[node.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                Integer slot = slots.get(node.inputs().get(i));
                if (slot == null) {
                    throw disconnected(node.inputs().get(i));
                }
                in[i] = slot;
            }
            int[] out = new int[node.outputs().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = slots.size();
                slots.put(node.outputs().get(i), out[i]);
            }
            plan.add(new Step(node.layer(), in, out));
        }
        this.steps = plan.toArray(new Step[0]);
        this.inputSlots = new int[inputs.size()];
        for (int i = 0; i < inputSlots.length; i++) {
            inputSlots[i] = slots.get(inputs.get(i));
        }
        this.outputSlots = new int[outputs.size()];
        for (int i = 0; i < outputSlots.length; i++) {
            outputSlots[i] = slots.get(outputs.get(i));
        }
        this.values = new Tensor[slots.size()];
    }

    /**
     * Depth-first from the outputs, stopping at the model's inputs: nodes in an order where every node
     * comes after the nodes it reads (Keras's {@code nodes_in_decreasing_depth}), and the order in which
     * layers were first met (Keras's {@code operation_indices}).
     */
    private void collect(List<SymbolicTensor> from, List<Node> ordered, Map<Layer, Integer> discovery) {
        Set<Node> finished = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SymbolicTensor t : from) {
            visit(t, ordered, discovery, finished, inProgress);
        }
    }

    private void visit(SymbolicTensor tensor, List<Node> ordered, Map<Layer, Integer> discovery,
                       Set<Node> finished, Set<Node> inProgress) {
        Node node = tensor.node();
        if (finished.contains(node)) {
            return;
        }
        if (inProgress.contains(node)) {
            throw new IllegalArgumentException("Functional: the graph has a cycle at layer \"" + node.layer().name() + "\"");
        }
        discovery.putIfAbsent(node.layer(), discovery.size());
        inProgress.add(node);
        if (!node.isInput() && !inputs.contains(tensor)) {
            for (SymbolicTensor in : node.inputs()) {
                visit(in, ordered, discovery, finished, inProgress);
            }
        }
        finished.add(node);
        inProgress.remove(node);
        ordered.add(node);
    }

    /** Keras's layer order: by decreasing depth from the outputs, ties broken by discovery order. */
    private List<Layer> sortLayers(List<Node> ordered, Map<Layer, Integer> discovery) {
        Map<Node, Integer> nodeDepth = new IdentityHashMap<>();
        Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Node node = ordered.get(i);
            int depth = Math.max(nodeDepth.getOrDefault(node, 0), layerDepth.getOrDefault(node.layer(), 0));
            layerDepth.put(node.layer(), depth);
            nodeDepth.put(node, depth);
            if (!node.isInput()) {
                for (SymbolicTensor in : node.inputs()) {
                    nodeDepth.merge(in.node(), depth + 1, Math::max);
                }
            }
        }
        List<Layer> sorted = new ArrayList<>(layerDepth.keySet());
        sorted.sort((a, b) -> {
            int byDepth = Integer.compare(layerDepth.get(b), layerDepth.get(a));
            return byDepth != 0 ? byDepth : Integer.compare(discovery.get(a), discovery.get(b));
        });
        return Collections.unmodifiableList(sorted);
    }

    private static void checkUniqueNames(List<Layer> layers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Layer layer : layers) {
            counts.merge(layer.name(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) {
                throw new IllegalArgumentException("Functional: the name \"" + e.getKey() + "\" is used "
                        + e.getValue() + " times in the model. All layer names should be unique.");
            }
        }
    }

    private IllegalArgumentException disconnected(SymbolicTensor missing) {
        return new IllegalArgumentException("Functional: graph disconnected: cannot obtain value for " + missing
                + " (from layer \"" + missing.layer().name() + "\"), which is not among the model's inputs "
                + inputs.stream().map(SymbolicTensor::reference).toList());
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }

    /** The layer calls of the graph in execution order, inputs included. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Whether {@code node} belongs to this model's graph (a shared layer has calls outside it). */
    public boolean contains(Node node) {
        return graphNodes.contains(node);
    }

    /** The symbolic inputs, in order. */
    public List<SymbolicTensor> inputs() {
        return inputs;
    }

    /** The symbolic outputs, in order. */
    public List<SymbolicTensor> outputs() {
        return outputs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        requireOne("inputShape", inputs.size(), "input");
        return inputs.get(0).shape();
    }

    @Override
    public List<Shape> inputShapes() {
        return inputs.stream().map(SymbolicTensor::shape).toList();
    }

    @Override
    public Shape outputShape() {
        requireOne("outputShape", outputs.size(), "output");
        return outputs.get(0).shape();
    }

    @Override
    public List<Shape> outputShapes() {
        return outputs.stream().map(SymbolicTensor::shape).toList();
    }

    @Override
    public List<String> outputNames() {
        return outputs.stream().map(t -> t.layer().name()).toList();
    }

    @Override
    public void build(Shape inputShape) {
        build(List.of(inputShape));
    }

    @Override
    public void build(List<Shape> shapes) {
        if (shapes.size() != inputs.size()) {
            throw new IllegalArgumentException("Model \"" + name + "\" expects " + inputs.size()
                    + " input(s), but it received " + shapes.size() + " input tensors");
        }
        for (int i = 0; i < shapes.size(); i++) {
            if (!shapes.get(i).equals(inputs.get(i).shape())) {
                throw new IllegalArgumentException("Input " + i + " of model \"" + name + "\" is incompatible: "
                        + "expected shape " + inputs.get(i).shape().toKerasString() + ", but received input with shape "
                        + shapes.get(i).toKerasString());
            }
        }
    }

    @Override
    public Tensor call(Tensor x, boolean training) {
        requireOne("call", inputs.size(), "input");
        requireOne("call", outputs.size(), "output");
        values[inputSlots[0]] = x;
        run(training);
        Tensor y = values[outputSlots[0]];
        java.util.Arrays.fill(values, null);
        return y;
    }

    @Override
    public List<Tensor> call(List<Tensor> xs, boolean training) {
        if (xs.size() != inputs.size()) {
            throw new IllegalArgumentException("Model \"" + name + "\" expects " + inputs.size()
                    + " input(s), but it received " + xs.size() + " input tensors");
        }
        for (int i = 0; i < xs.size(); i++) {
            values[inputSlots[i]] = xs.get(i);
        }
        run(training);
        Tensor[] out = new Tensor[outputSlots.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[outputSlots[i]];
        }
        java.util.Arrays.fill(values, null);
        return List.of(out);
    }

    private void run(boolean training) {
        for (Step step : steps) {
            if (step.in.length == 1 && step.out.length == 1) {
                values[step.out[0]] = step.layer.call(values[step.in[0]], training);
                continue;
            }
            // A fresh list: a layer's backward step may keep the inputs it was given.
            Tensor[] in = new Tensor[step.in.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = values[step.in[i]];
            }
            List<Tensor> produced = step.layer.call(List.of(in), training);
            if (produced.size() != step.out.length) {
                throw new IllegalStateException("layer \"" + step.layer.name() + "\" returned " + produced.size()
                        + " outputs where its output shapes promised " + step.out.length);
            }
            for (int i = 0; i < step.out.length; i++) {
                values[step.out[i]] = produced.get(i);
            }
        }
    }
}
