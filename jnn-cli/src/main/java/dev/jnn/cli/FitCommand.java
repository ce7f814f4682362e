package dev.jnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.callbacks.History;
import dev.jnn.io.KerasFormat;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Model;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jnn fit MODEL.keras --x X --y Y --epochs N --output OUT.keras}: Keras's {@code model.fit} on a
 * compiled Keras file. The loss, optimizer and metrics come from the file's compile settings, training
 * starts from its weights and optimizer state, and the trained model (with its optimizer state) is
 * written atomically, so that Keras or {@code jnn fit} can continue from it.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Train a compiled Keras model on .npy/.csv files, as Keras's fit, and save it.",
            "The loss, optimizer and metrics come from the file's compile_config, training starts from its weights "
                + "and optimizer state, and OUT.keras is written with the new optimizer state.",
            "Example: jnn fit model.keras --x x.npy --y y.npy --epochs 10 --output trained.keras"})
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A compiled model: .keras (or legacy .h5).")
    Path model;

    @Option(names = "--x", required = true, paramLabel = "X.npy|X.csv",
            description = "Inputs, one per model input, in the model's input order.")
    List<Path> xFiles;

    @Option(names = "--y", required = true, paramLabel = "Y.npy|Y.csv",
            description = "Targets, one per model output, in the model's output order.")
    List<Path> yFiles;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "Epochs to train.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Samples per gradient update (default: ${DEFAULT-VALUE}, as Keras).")
    int batchSize;

    @Option(names = "--no-shuffle", description = "Keep the samples in file order (Keras's shuffle=False).")
    boolean noShuffle;

    @Option(names = "--validation-split", defaultValue = "0", paramLabel = "F",
            description = "Fraction of the samples, taken from the end before shuffling, held out for validation.")
    double validationSplit;

    @Option(names = "--verbose", defaultValue = "1", paramLabel = "0|1|2",
            description = "0 silent, 1 progress bar, 2 one line per epoch (default: ${DEFAULT-VALUE}, Keras's \"auto\").")
    int verbose;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the shuffle and of dropout (keras.utils.set_random_seed).")
    Long seed;

    @Option(names = "--output", required = true, paramLabel = "OUT.keras",
            description = "Where to write the trained model: .keras, or .h5 for the legacy format.")
    Path output;

    @Option(names = "--history", paramLabel = "H.json",
            description = "Also write History.history (each logged value per epoch) as JSON.")
    Path historyFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        return UserErrors.run(spec, () -> {
            if (KerasFormat.detect(model) == KerasFormat.JSON) {
                throw new IllegalArgumentException(model + ": this is a model config (JSON) without weights or "
                        + "compile settings; fit needs a compiled model file (.keras or .h5)");
            }
            requireFolder(output);
            if (historyFile != null) {
                requireFolder(historyFile);
            }
            Model m = ModelFiles.open(model, null, true, true);
            if (!m.isCompiled()) {
                throw new IllegalArgumentException(model + " has no compile_config: compile it in Keras before "
                        + "saving (model.compile(...); model.save(...)), or compile it with jnn's Java API and save it");
            }
            List<Tensor> xs = ModelArrays.inputs(m, xFiles, "--x");
            List<Tensor> ys = ModelArrays.targets(m, yFiles, "--y");
            List<Tensor> all = new ArrayList<>(xs);
            all.addAll(ys);
            List<Path> files = new ArrayList<>(xFiles);
            files.addAll(yFiles);
            ModelArrays.checkSameSamples(all, files);
            if (seed != null) {
                SeedGenerator.setGlobalSeed(seed);
            }
            FitOptions options = FitOptions.builder().epochs(epochs).batchSize(batchSize).verbose(verbose)
                    .shuffle(!noShuffle).validationSplit(validationSplit).build();
            History history;
            try {
                history = m.fit(xs, ys, options);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (--x " + xFiles + ", --y " + yFiles + ")", e);
            }
            m.save(output);
            if (historyFile != null) {
                AtomicFile.write(historyFile, new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(history.history()));
            }
            if (verbose != 0) {
                new PrintStream(System.out, true, StandardCharsets.UTF_8).println("saved " + output);
            }
            return 0;
        });
    }

    private void checkOptions() {
        if (epochs < 0) {
            throw new ParameterException(spec.commandLine(), "--epochs must be >= 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be > 0, got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new ParameterException(spec.commandLine(), "--validation-split must be in [0, 1), got "
                    + validationSplit);
        }
        if (verbose < 0 || verbose > 2) {
            throw new ParameterException(spec.commandLine(), "--verbose must be 0, 1 or 2, got " + verbose);
        }
        String name = output.getFileName().toString();
        if (!name.endsWith(".keras") && !name.endsWith(".h5")) {
            throw new ParameterException(spec.commandLine(), "--output " + output
                    + ": use a .keras name (or .h5 for the legacy format)");
        }
    }

    /** Fails before training, not after, when a file could not be written for want of its folder. */
    private static void requireFolder(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(file + ": the folder " + dir + " does not exist");
        }
    }
}
