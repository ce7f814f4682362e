package dev.jnn.cli.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A training spec, as {@code jnn train SPEC} reads it: the model, the data, the compile and fit
 * arguments, and a seed. Paths inside are relative to the spec file.
 *
 * <pre>{@code
 * name: iris-mlp
 * seed: 0
 * model: {input: [4], layers: [{dense: 16, activation: relu}, {dense: 3, activation: softmax}]}
 * data: {csv: {path: iris.csv, label: species}, test_split: 0.2, standardize: true}
 * compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}
 * fit: {epochs: 50, batch_size: 16, validation_split: 0.2}
 * }</pre>
 *
 * @param name    the run's name (the file name without extension unless given)
 * @param baseDir the folder paths resolve against
 * @param seed    seed of weights, shuffling and dropout (0 unless given; the command line may override)
 * @param model   the model
 * @param data    the data
 * @param compile compile arguments, or null when the model file carries them
 * @param fit     fit arguments
 */
public record TrainSpec(String name, Path baseDir, long seed, ModelSpec model, DataSpec data, CompileSpec compile,
                        FitSpec fit) {

    /** Top-level fields of a spec. */
    public static final String[] FIELDS = {"name", "seed", "model", "data", "compile", "fit"};

    /** Reads a spec file (JSON or YAML). */
    public static TrainSpec read(Path file) throws IOException {
        JsonNode doc = SpecFiles.read(file);
        Path dir = file.toAbsolutePath().getParent();
        return parse(doc, dir, baseName(file));
    }

    /** Reads a spec document; {@code defaultName} names it unless it has a {@code name}. */
    public static TrainSpec parse(JsonNode doc, Path baseDir, String defaultName) {
        SpecNode root = SpecNode.root(doc).onlyFields(FIELDS);
        String name = root.has("name") ? root.field("name").text() : defaultName;
        long seed = root.has("seed") ? root.field("seed").intValue(0) : 0;
        ModelSpec model = ModelSpec.read(root.required("model",
                "{\"input\": [...], \"layers\": [...]}, a Keras config .json or a .keras file"), baseDir);
        DataSpec data = DataSpec.read(root.required("data", "{\"csv\": ...}, {\"npy\": ...}, {\"idx\": ...} or"
                + " {\"dataset\": ...}"), baseDir);
        CompileSpec compile = root.has("compile") ? CompileSpec.read(root.field("compile")) : null;
        if (compile == null && model instanceof ModelSpec.LayerList) {
            throw new SpecException("compile", "missing; give at least {\"loss\": ...} (a layer list is not compiled)");
        }
        FitSpec fit = FitSpec.read(root.field("fit"));
        if (fit.validationSplit() > 0 && data.validationSplit() != null) {
            throw new SpecException("fit.validation_split", "give validation_split in data (shuffled with"
                    + " data.seed) or in fit (Keras's: the last samples), not both");
        }
        return new TrainSpec(name, baseDir, seed, model, data, compile, fit);
    }

    /** This spec with another seed. */
    public TrainSpec withSeed(long newSeed) {
        return new TrainSpec(name, baseDir, newSeed, model, data, compile, fit);
    }

    /** A file's name without its extension. */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
