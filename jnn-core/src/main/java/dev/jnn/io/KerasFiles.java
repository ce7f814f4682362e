package dev.jnn.io;

import dev.jnn.models.Model;
import dev.jnn.optimizers.Optimizer;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading and writing Keras model files: Keras 3's {@code .keras} zip, the legacy HDF5 {@code .h5}
 * of Keras 1, 2, tf.keras and 3, and weights-only HDF5 files. The format of a file being read is told
 * from its first bytes ({@link KerasFormat}); the format written is chosen by the extension.
 *
 * <p>Writing is atomic: the file appears complete or not at all. A damaged file raises
 * {@link KerasFileException}; a model using a Keras feature jnn lacks raises
 * {@code UnsupportedKerasFeatureException}.
 */
public final class KerasFiles {
    private KerasFiles() {
    }

    // ---- whole models ----

    /**
     * Saves architecture, weights, compile settings and optimizer state (Keras's {@code model.save}):
     * a {@code .keras} name gives Keras 3's zip, {@code .h5} the legacy HDF5 layout Keras 3 reads with
     * {@code keras.models.load_model}.
     */
    public static void save(Model model, Path file) throws IOException {
        save(model, file, ModelCodec.KERAS);
    }

    /**
     * Loads a model saved by Keras (1, 2, tf.keras or 3) or by jnn, compiled with its optimizer state
     * when the file has them, so that {@code fit} continues where it stopped.
     *
     * @throws KerasFileException                on a damaged or non-Keras file
     * @throws UnsupportedKerasFeatureException for a layer or argument jnn does not implement
     */
    public static Model load(Path file) throws IOException {
        return load(file, true, ModelCodec.KERAS);
    }

    /**
     * {@link #load(Path)} with Keras's {@code compile} argument: false skips the compile settings and
     * optimizer state (for inference, or when they use something jnn lacks).
     */
    public static Model load(Path file, boolean compile) throws IOException {
        return load(file, compile, ModelCodec.KERAS);
    }

    /** A model from its architecture JSON ({@code model.to_json()}) and a weights file of any kind. */
    public static Model load(Path configJson, Path weights) throws IOException {
        return load(configJson, weights, ModelCodec.KERAS);
    }

    static void save(Model model, Path file, ModelCodec codec) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".keras")) {
            saveKeras(model, file, codec.modelToJson(model));
        } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            saveLegacy(model, file, codec.modelToLegacyJson(model),
                    model.isCompiled() ? codec.trainingConfig(model) : null);
        } else {
            throw new IllegalArgumentException("Model.save: the file name must end in .keras (Keras 3's format) or .h5 "
                    + "(the legacy HDF5 format), got " + file);
        }
    }

    static Model load(Path file, boolean compile, ModelCodec codec) throws IOException {
        return switch (KerasFormat.detect(file)) {
            case KERAS_ZIP -> loadKeras(file, compile, codec);
            case HDF5 -> loadLegacy(file, compile, codec);
            case JSON -> throw new KerasFileException(file, "this is a model config without weights; load it "
                    + "with its weights file: Model.load(config, weights)");
        };
    }

    static Model load(Path configJson, Path weights, ModelCodec codec) throws IOException {
        if (KerasFormat.detect(configJson) != KerasFormat.JSON) {
            throw new KerasFileException(configJson, "expected a model config in JSON (model.to_json())");
        }
        String json = Files.readString(configJson);
        Model model = fromConfig(codec, configJson, json, Json.kerasVersion(json));
        loadWeights(model, weights);
        return model;
    }

    /** Writes a {@code .keras} zip with the given {@code config.json}, the weights and the optimizer state. */
    static void saveKeras(Model model, Path file, String configJson) throws IOException {
        AtomicFiles.write(file, temporary -> {
            Path weights = Files.createTempFile(temporary.getParent(), ".model.weights.", ".h5");
            try {
                H5Tree tree = new H5Tree();
                KerasWeightsFile.write(model, tree, true);
                tree.write(weights);
                KerasZip.write(temporary, configJson, weights, LegacyH5.KERAS_VERSION);
            } finally {
                Files.deleteIfExists(weights);
            }
        });
    }

    static Model loadKeras(Path file, boolean compile, ModelCodec codec) throws IOException {
        KerasZip.Contents contents = KerasZip.read(file);
        String version = contents.metadata() == null ? null : Json.kerasVersion(contents.metadata());
        Model model = fromConfig(codec, file, contents.config(), version);
        String compileConfig = compile ? compileConfig(file, contents.config()) : null;
        if (compileConfig != null) {
            compile(codec, file, model, compileConfig, version);
        }
        try (H5File h5 = H5File.open(file, file + " (" + KerasZip.WEIGHTS + ")", contents.weights(),
                contents.weights().length)) {
            KerasWeightsFile.read(model, h5, compileConfig != null);
        }
        return model;
    }

    private static Model fromConfig(ModelCodec codec, Path file, String json, String version) throws KerasFileException {
        try {
            return codec.modelFromJson(json, version);
        } catch (UnsupportedKerasFeatureException e) {
            throw e.withSource(file.toString(), version);
        } catch (RuntimeException e) {
            // A config that is not what Keras writes (damaged, or edited by hand) fails wherever the
            // reader first trips on it; the file is at fault either way.
            throw new KerasFileException(file, "the model config cannot be read: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new KerasFileException(file, "the model config declares weights too large for memory", e);
        }
    }

    private static void compile(ModelCodec codec, Path file, Model model, String json, String version)
            throws KerasFileException {
        try {
            codec.compileFromJson(model, json);
        } catch (UnsupportedKerasFeatureException e) {
            throw e.withSource(file.toString(), version);
        } catch (RuntimeException e) {
            throw new KerasFileException(file, "the compile config cannot be read: " + e, e);
        }
    }

    private static String compileConfig(Path file, String config) throws KerasFileException {
        try {
            var node = Json.MAPPER.readTree(config).get("compile_config");
            return node == null || node.isNull() || node.isEmpty() ? null : node.toString();
        } catch (IOException e) {
            throw new KerasFileException(file, "config.json is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the legacy HDF5 layout of Keras 3's {@code save_model_to_hdf5}. */
    static void saveLegacy(Model model, Path file, String modelConfig, String trainingConfig) throws IOException {
        AtomicFiles.write(file, temporary -> {
            try {
                writeLegacy(model, temporary, modelConfig, trainingConfig);
            } catch (UnsupportedOperationException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        });
    }

    private static void writeLegacy(Model model, Path temporary, String modelConfig, String trainingConfig)
            throws IOException {
        H5Tree tree = new H5Tree();
        H5Tree.GroupNode root = tree.root();
        root.attribute("backend", LegacyH5.BACKEND).attribute("keras_version", LegacyH5.KERAS_VERSION);
        root.attribute("model_config", modelConfig);
        if (trainingConfig != null) {
            root.attribute("training_config", trainingConfig);
        }
        LegacyH5.writeWeights(model, root.group("model_weights"));
        Optimizer optimizer = model.optimizer();
        if (trainingConfig != null && optimizer != null) {
            LegacyH5.writeOptimizer(optimizer, root);
        }
        tree.write(temporary);
    }

    static Model loadLegacy(Path file, boolean compile, ModelCodec codec) throws IOException {
        try (H5File h5 = H5File.open(file)) {
            String modelConfig = h5.stringAttribute("", "model_config");
            if (modelConfig == null) {
                if (!h5.stringListAttribute("", "layer_names").isEmpty()) {
                    throw h5.error("this file holds weights only (save_weights); load it with its config: "
                            + "Model.load(config, weights)");
                }
                throw h5.error("no model_config attribute: not a Keras model file");
            }
            String version = h5.stringAttribute("", "keras_version");
            Model model = fromConfig(codec, file, modelConfig, version);
            if (!h5.isGroup("model_weights")) {
                throw h5.error("no model_weights group: the file holds a config but no weights");
            }
            LegacyH5.readWeights(model, h5, "model_weights");
            String training = h5.stringAttribute("", "training_config");
            if (compile && training != null) {
                compile(codec, file, model, training, version);
                List<Tensor> state = LegacyH5.readOptimizer(model, h5);
                if (state != null) {
                    model.optimizer().setVariables(state);
                }
            }
            return model;
        }
    }

    // ---- weights only ----

    /**
     * Writes the weights only: a name ending in {@code .weights.h5} gets Keras 3's layout (Keras's
     * {@code save_weights}), any other {@code .h5} the legacy one (Keras 2's {@code save_weights}).
     */
    public static void saveWeights(Model model, Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".h5") && !name.endsWith(".hdf5")) {
            throw new IllegalArgumentException("saveWeights: the file name must end in .weights.h5 (Keras 3) or .h5 "
                    + "(legacy), got " + file);
        }
        AtomicFiles.write(file, temporary -> {
            H5Tree tree = new H5Tree();
            if (name.endsWith(".weights.h5")) {
                KerasWeightsFile.write(model, tree, true); // Keras 3's save_weights keeps the optimizer's variables
            } else {
                LegacyH5.writeWeights(model, tree.root());
            }
            tree.write(temporary);
        });
    }

    /**
     * Whether {@code loadWeights} also restores the optimizer: Keras's {@code load_weights} does when the
     * model's optimizer already has its variables (and leaves an unbuilt one fresh, with a warning).
     */
    private static boolean optimizerBuilt(Model model) {
        return model.optimizer() != null && model.optimizer().built();
    }

    /**
     * Loads weights into a built model from any Keras file holding them: a {@code .keras} zip, a Keras 3
     * {@code .weights.h5}, a legacy weights-only {@code .h5} or a legacy full-model {@code .h5}. The
     * model's weights change only if all of them could be read.
     */
    public static void loadWeights(Model model, Path file) throws IOException {
        switch (KerasFormat.detect(file)) {
            case KERAS_ZIP -> {
                KerasZip.Contents contents = KerasZip.read(file);
                try (H5File h5 = H5File.open(file, file + " (" + KerasZip.WEIGHTS + ")", contents.weights(),
                        contents.weights().length)) {
                    KerasWeightsFile.read(model, h5, optimizerBuilt(model));
                }
            }
            case HDF5 -> {
                try (H5File h5 = H5File.open(file)) {
                    if (h5.isGroup("model_weights")) {
                        LegacyH5.readWeights(model, h5, "model_weights");
                    } else if (!h5.stringListAttribute("", "layer_names").isEmpty()) {
                        LegacyH5.readWeights(model, h5, "");
                    } else if (h5.exists("layers") || h5.exists("vars") || h5.exists("_layer_checkpoint_dependencies")) {
                        KerasWeightsFile.read(model, h5, optimizerBuilt(model));
                    } else {
                        throw h5.error("no Keras weights found (neither layer_names, model_weights nor layers/)");
                    }
                }
            }
            case JSON -> throw new KerasFileException(file, "this is a model config (JSON), not a weights file");
        }
    }
}
