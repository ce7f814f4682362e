package dev.jnn.io;

import dev.jnn.layers.Conv1D;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.DataFormat;
import dev.jnn.layers.Layer;
import dev.jnn.models.Model;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The legacy HDF5 layout of {@code model.save("m.h5")} and {@code save_weights("w.h5")}, which every
 * Keras from 1 to 3 reads and writes: a group per layer with a {@code weight_names} attribute listing
 * the layer's datasets in order, a {@code layer_names} attribute listing the layers, and (full models)
 * {@code optimizer_weights} listed the same way.
 *
 * <p>Weights are matched to layers by position among the layers that have weights, as Keras's
 * {@code load_weights_from_hdf5_group} does; a nested model counts as one layer holding all its
 * trainable weights, then all its other weights.
 */
final class LegacyH5 {
    /** The Keras release whose layout jnn writes. */
    static final String KERAS_VERSION = "3.15.1";
    static final String BACKEND = "tensorflow";

    private LegacyH5() {
    }

    // ---- writing ----

    /** Writes the weights into {@code group} ({@code model_weights} of a full model, the root of a weights file). */
    static void writeWeights(Model model, H5Tree.GroupNode group) {
        List<String> layerNames = new ArrayList<>();
        for (Layer layer : model.layers()) {
            layerNames.add(layer.name());
            H5Tree.GroupNode g = group.group(layer.name());
            List<String> weightNames = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (Named w : legacyWeights(model, layer)) {
                String name = w.name;
                for (int k = 1; !used.add(name); k++) {
                    name = w.name + "_" + k;
                }
                weightNames.add(name);
                g.path(parent(name)).dataset(leaf(name), WeightArray.of(w.p.shape(), w.p.value().data().clone()));
            }
            g.attribute("weight_names", weightNames.toArray(new String[0]));
        }
        // Keras writes this group for the model's own weights; jnn models have none.
        group.group("top_level_model_weights");
        group.attribute("backend", BACKEND).attribute("keras_version", KERAS_VERSION)
                .attribute("layer_names", layerNames.toArray(new String[0]));
    }

    /** The {@code optimizer_weights} group: the optimizer's variables, in order, under unique names. */
    static void writeOptimizer(Optimizer optimizer, H5Tree.GroupNode root) {
        H5Tree.GroupNode group = root.group("optimizer_weights");
        List<Tensor> variables = optimizer.variables();
        List<String> names = optimizer.variableNames();
        List<String> weightNames = new ArrayList<>();
        Set<String> used = new HashSet<>();
        H5Tree.GroupNode dir = group.group(optimizer.name());
        for (int i = 0; i < variables.size(); i++) {
            String name = names.get(i);
            for (int k = 1; !used.add(name); k++) {
                name = names.get(i) + "_" + k;
            }
            weightNames.add(optimizer.name() + "/" + name);
            Tensor v = variables.get(i);
            if (i == 0) {
                dir.dataset(name, (long) Math.round(v.data()[0]));
            } else {
                dir.dataset(name, WeightArray.of(v.shape(), v.data().clone()));
            }
        }
        group.attribute("weight_names", weightNames.toArray(new String[0]));
    }

    private record Named(String name, Parameter p) {
    }

    /** Keras 3's variable paths: {@code model/layer/kernel}, nested models adding their own level. */
    private static List<Named> legacyWeights(Model owner, Layer layer) {
        List<Named> out = new ArrayList<>();
        Model nested = Model.nestedModel(layer);
        if (nested == null) {
            for (Parameter p : WeightPaths.kerasOrder(layer.parameters())) {
                out.add(new Named(owner.name() + "/" + layer.name() + "/" + p.name(), p));
            }
            return out;
        }
        List<Named> all = new ArrayList<>();
        for (Layer inner : nested.layers()) {
            all.addAll(legacyWeights(nested, inner));
        }
        for (Named n : all) {
            if (n.p.trainable()) {
                out.add(n);
            }
        }
        for (Named n : all) {
            if (!n.p.trainable()) {
                out.add(n);
            }
        }
        return out;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---- reading ----

    /**
     * Loads the weights from the group at {@code groupPath}; nothing changes unless every layer's
     * weights are present with the right count and shapes.
     */
    static void readWeights(Model model, H5File h5, String groupPath) throws KerasFileException {
        String version = h5.stringAttribute(groupPath, "keras_version");
        if (version == null) {
            version = h5.stringAttribute("", "keras_version");
        }
        boolean keras1 = version == null || version.startsWith("1");
        String backend = h5.stringAttribute(groupPath, "backend");
        if (backend == null) {
            backend = h5.stringAttribute("", "backend");
        }
        boolean theano = "theano".equals(backend);
        List<String> fileLayers = new ArrayList<>();
        List<List<String>> fileWeights = new ArrayList<>();
        for (String name : h5.stringListAttribute(groupPath, "layer_names")) {
            String layerGroup = join(groupPath, name);
            if (!h5.isGroup(layerGroup)) {
                throw h5.error("layer_names lists '" + name + "' but there is no group '" + layerGroup + "'");
            }
            List<String> weightNames = h5.stringListAttribute(layerGroup, "weight_names");
            if (!weightNames.isEmpty()) {
                fileLayers.add(name);
                fileWeights.add(weightNames);
            }
        }
        if (fileLayers.isEmpty() && h5.stringListAttribute(groupPath, "layer_names").isEmpty()) {
            throw h5.error("no 'layer_names' attribute at '" + (groupPath.isEmpty() ? "/" : groupPath)
                    + "': this is not a Keras weights file");
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (!layer.parameters().isEmpty()) {
                layers.add(layer);
            }
        }
        if (layers.size() != fileLayers.size()) {
            throw h5.error("Layer count mismatch when loading weights from file. Model expected " + layers.size()
                    + " layers, found " + fileLayers.size() + " saved layers " + fileLayers);
        }
        List<Parameter> targets = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            Layer layer = layers.get(k);
            String layerGroup = join(groupPath, fileLayers.get(k));
            List<WeightArray> arrays = new ArrayList<>();
            for (String weightName : fileWeights.get(k)) {
                arrays.add(h5.read(join(layerGroup, weightName)));
            }
            if (keras1) {
                arrays = Keras1Weights.convert(layer.className(), arrays);
            }
            List<Parameter> params = orderedParameters(layer);
            if (!params.isEmpty()) {
                arrays = LegacyConvKernels.convert(layer.className(), channelsFirst(layer), params.get(0).shape(), arrays,
                        keras1, theano);
            }
            if (arrays.size() != params.size()) {
                throw h5.error("Weight count mismatch for layer #" + k + " (named " + layer.name()
                        + " in the current model, " + fileLayers.get(k) + " in the save file). Layer expects "
                        + params.size() + " weight(s). Received " + arrays.size() + " saved weight(s)");
            }
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                KerasWeightsFile.requireShape(h5, "layer \"" + layer.name() + "\" (" + fileLayers.get(k)
                        + " in the file), weight " + i + " (" + p.name() + ")", p.shape(), arrays.get(i));
                targets.add(p);
                values.add(arrays.get(i).data());
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            float[] v = values.get(i);
            System.arraycopy(v, 0, targets.get(i).value().data(), 0, v.length);
        }
    }

    private static boolean channelsFirst(Layer layer) {
        return layer instanceof Conv2D c && c.config().dataFormat() == DataFormat.CHANNELS_FIRST
                || layer instanceof Conv1D c1 && c1.config().dataFormat() == DataFormat.CHANNELS_FIRST;
    }

    private static List<Parameter> orderedParameters(Layer layer) {
        return WeightPaths.kerasOrder(layer.parameters());
    }

    /** The optimizer state of a full legacy file, or null when absent or not matching (Keras then warns). */
    static List<Tensor> readOptimizer(Model model, H5File h5) throws KerasFileException {
        Optimizer optimizer = model.optimizer();
        if (optimizer == null || !h5.isGroup("optimizer_weights")) {
            return null;
        }
        List<String> names = h5.stringListAttribute("optimizer_weights", "weight_names");
        if (!optimizer.built()) {
            optimizer.build(model.trainableParameters());
        }
        List<Tensor> variables = optimizer.variables();
        List<WeightArray> saved = new ArrayList<>();
        for (String name : names) {
            saved.add(h5.read(join("optimizer_weights", name)));
        }
        List<WeightArray> arranged = names.size() == variables.size() ? saved
                : fromKeras2(saved, variables, optimizer.variableNames(), model.trainableParameters().size());
        if (arranged == null) {
            System.getLogger(LegacyH5.class.getName()).log(System.Logger.Level.WARNING,
                    "Error in loading the saved optimizer state (" + names.size() + " variables saved, "
                            + variables.size() + " expected). As a result, your model is starting with a freshly "
                            + "initialized optimizer (" + h5.source() + ")");
            return null;
        }
        List<Tensor> values = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Tensor current = variables.get(i);
            WeightArray array = arranged.get(i);
            if (array == null) {
                values.add(current);   // not in the file (Keras 2 had no learning_rate variable): keep it
                continue;
            }
            KerasWeightsFile.requireShape(h5, "optimizer variable " + i + " (" + optimizer.variableNames().get(i) + ")",
                    current.shape(), array);
            Tensor value = Tensor.zeros(current.shape());
            System.arraycopy(array.data(), 0, value.data(), 0, array.data().length);
            values.add(value);
        }
        return values;
    }

    /**
     * Keras 1/2 optimizer weights in Keras 3's order, or null when the layouts do not correspond. Keras
     * 2 saved {@code iterations}, then each slot for every parameter in turn ({@code m1..mn, v1..vn},
     * standalone Keras 2 adding 1-value {@code vhat} placeholders); Keras 3 has {@code iterations,
     * learning_rate}, then the slots: parameter by parameter ({@code m1, v1, m2, v2, ...}) for the Adam
     * family, slot by slot (as Keras 2) for RMSprop, told apart by the variables' names.
     */
    static List<WeightArray> fromKeras2(List<WeightArray> saved, List<Tensor> variables, List<String> names,
                                        int parameters) {
        int base = 2;   // iterations, learning_rate
        if (parameters == 0 || (variables.size() - base) % parameters != 0 || saved.isEmpty()) {
            return null;
        }
        int slots = (variables.size() - base) / parameters;
        if (saved.size() != 1 + slots * parameters && saved.size() != 1 + (slots + 1) * parameters) {
            return null;
        }
        boolean interleaved = slots > 1 && !slotName(names.get(base)).equals(slotName(names.get(base + 1)));
        List<WeightArray> out = new ArrayList<>(variables.size());
        out.add(saved.get(0));
        out.add(null);
        for (int k = 0; k < slots * parameters; k++) {
            int p = interleaved ? k / slots : k % parameters;
            int s = interleaved ? k % slots : k / parameters;
            WeightArray a = saved.get(1 + s * parameters + p);
            if (!a.hasShape(variables.get(out.size()).shape())) {
                return null;
            }
            out.add(a);
        }
        return out;
    }

    private static String slotName(String variableName) {
        for (String slot : new String[] {"momentum", "velocity", "velocity_hat", "average_gradient", "accumulator",
                "delta_accumulator", "norm", "first_moment", "second_moment"}) {
            if (variableName.endsWith("_" + slot)) {
                return slot;
            }
        }
        return variableName;
    }

    private static String join(String group, String name) {
        return group.isEmpty() ? name : group + "/" + name;
    }
}
