package dev.jnn.io;

import dev.jnn.models.Model;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3's weights file ({@code model.weights.h5} inside a {@code .keras} zip, or a
 * {@code .weights.h5} of {@code save_weights}): the {@link WeightPaths} layout, plus the optimizer's
 * variables at {@code optimizer/vars} ({@code iterations} as int64, {@code learning_rate}, then the
 * slots parameter by parameter), so that training resumes where it stopped.
 */
final class KerasWeightsFile {
    private static final System.Logger LOG = System.getLogger(KerasWeightsFile.class.getName());

    private KerasWeightsFile() {
    }

    static void write(Model model, H5Tree tree, boolean includeOptimizer) {
        H5Tree.GroupNode root = tree.root();
        for (WeightPaths.Entry entry : WeightPaths.of(model)) {
            H5Tree.GroupNode vars = root.path(entry.varsPath()).attribute("name", entry.name());
            List<Parameter> variables = entry.variables();
            for (int i = 0; i < variables.size(); i++) {
                Parameter p = variables.get(i);
                vars.dataset(Integer.toString(i), WeightArray.of(p.shape(), p.value().data().clone()));
            }
        }
        Optimizer optimizer = model.optimizer();
        if (includeOptimizer && optimizer != null) {
            H5Tree.GroupNode vars = root.path("optimizer/vars").attribute("name", optimizer.name());
            List<Tensor> variables = optimizer.variables();
            for (int i = 0; i < variables.size(); i++) {
                Tensor v = variables.get(i);
                if (i == 0) {
                    vars.dataset("0", (long) Math.round(v.data()[0]));   // Keras's iterations is an int64
                } else {
                    vars.dataset(Integer.toString(i), WeightArray.of(v.shape(), v.data().clone()));
                }
            }
        }
    }

    /**
     * Reads every variable of {@code model} from {@code h5}; nothing is changed unless all of them are
     * present with the right shapes.
     */
    static void read(Model model, H5File h5, boolean loadOptimizer) throws KerasFileException {
        List<Parameter> targets = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (WeightPaths.Entry entry : WeightPaths.of(model)) {
            String vars = varsGroup(h5, entry.path());
            List<String> keys = vars == null ? List.of() : h5.children(vars);
            List<Parameter> variables = entry.variables();
            if (keys.size() != variables.size()) {
                throw h5.error(entry.description() + " expected " + variables.size() + " variables, but the file holds "
                        + keys.size() + " at '" + (vars == null ? entry.varsPath() : vars) + "'");
            }
            for (int i = 0; i < variables.size(); i++) {
                Parameter p = variables.get(i);
                WeightArray array = h5.read(vars + "/" + i);
                requireShape(h5, entry.description() + ", weight " + i + " (" + p.name() + ")", p.shape(), array);
                targets.add(p);
                values.add(array.data());
            }
        }
        List<Tensor> optimizerValues = loadOptimizer ? optimizerValues(model, h5) : null;
        for (int i = 0; i < targets.size(); i++) {
            float[] v = values.get(i);
            System.arraycopy(v, 0, targets.get(i).value().data(), 0, v.length);
        }
        if (optimizerValues != null) {
            model.optimizer().setVariables(optimizerValues);
        }
    }

    /** saving_lib's {@code H5IOStore.get}: the object's {@code vars} group, or null when it has none. */
    private static String varsGroup(H5File h5, String path) throws KerasFileException {
        String vars = path.isEmpty() ? "vars" : path + "/vars";
        if (h5.isGroup(vars)) {
            return vars;
        }
        // Files of Keras 2.13 named the layers container differently.
        String old = path.replace("layers", "_layer_checkpoint_dependencies") + "/vars";
        if (!path.isEmpty() && h5.exists("_layer_checkpoint_dependencies") && h5.isGroup(old)) {
            return old;
        }
        return null;
    }

    private static List<Tensor> optimizerValues(Model model, H5File h5) throws KerasFileException {
        Optimizer optimizer = model.optimizer();
        if (optimizer == null || !h5.isGroup("optimizer/vars")) {
            return null;
        }
        if (!optimizer.built()) {
            optimizer.build(model.trainableParameters());
        }
        List<String> keys = h5.children("optimizer/vars");
        List<Tensor> variables = optimizer.variables();
        if (keys.size() != variables.size()) {
            // Keras warns and keeps a fresh optimizer in this case; so does jnn.
            LOG.log(System.Logger.Level.WARNING, "Skipping variable loading for optimizer '" + optimizer.name()
                    + "', because it has " + variables.size() + " variables whereas the saved optimizer has "
                    + keys.size() + " variables (" + h5.source() + ")");
            return null;
        }
        List<Tensor> values = new ArrayList<>(keys.size());
        for (int i = 0; i < variables.size(); i++) {
            WeightArray array = h5.read("optimizer/vars/" + i);
            Shape shape = variables.get(i).shape();
            requireShape(h5, "optimizer \"" + optimizer.name() + "\" variable " + i + " ("
                    + optimizer.variableNames().get(i) + ")", shape, array);
            Tensor value = Tensor.zeros(shape);
            System.arraycopy(array.data(), 0, value.data(), 0, array.data().length);
            values.add(value);
        }
        return values;
    }

    static void requireShape(H5File h5, String what, Shape expected, WeightArray array) throws KerasFileException {
        if (!array.hasShape(expected)) {
            throw h5.error(what + " has shape " + WeightArray.of(expected, null).shapeString() + " in the model but "
                    + array.shapeString() + " in the file");
        }
    }
}
