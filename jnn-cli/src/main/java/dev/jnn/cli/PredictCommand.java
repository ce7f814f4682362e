package dev.jnn.cli;

import dev.jnn.models.Model;
import dev.jnn.tensor.Tensor;
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
 * {@code jnn predict MODEL --input X --output Y}: Keras's {@code model.predict} on array files, one
 * {@code --input} per model input and one {@code --output} per model output, in the model's order.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run a Keras model on .npy/.csv files and write its outputs.",
            "Outputs: float32 .npy, or CSV: one row per sample, the values of an output of rank > 2 flattened "
                + "row-major.",
            "Inputs: .npy of any float, int or bool dtype, or .csv of numbers (an optional header line is skipped).",
            "Example: jnn predict model.keras --input x.npy --output y.npy"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .keras, .h5 or Keras config JSON file.")
    Path model;

    @Option(names = "--weights", paramLabel = "W.h5", description = "The weights of a config JSON (any Keras "
            + "weights file), or weights replacing those of MODEL.")
    Path weights;

    @Option(names = "--input", required = true, paramLabel = "X.npy|X.csv",
            description = "One per model input, in the model's input order.")
    List<Path> inputs;

    @Option(names = "--output", required = true, paramLabel = "Y.npy|Y.csv",
            description = "One per model output, in the model's output order; written atomically.")
    List<Path> outputs;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Samples per batch (default: ${DEFAULT-VALUE}, as Keras).")
    int batchSize;

    @Option(names = "--verbose", defaultValue = "1", paramLabel = "0|1|2",
            description = "0 silent, 1 progress bar, 2 one line (default: ${DEFAULT-VALUE}, Keras's \"auto\").")
    int verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batchSize <= 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be > 0, got " + batchSize);
        }
        if (verbose < 0 || verbose > 2) {
            throw new ParameterException(spec.commandLine(), "--verbose must be 0, 1 or 2, got " + verbose);
        }
        for (Path output : outputs) {
            if (!ArrayFiles.supported(output)) {
                throw new ParameterException(spec.commandLine(), "--output " + output + ": use a .npy or .csv name");
            }
        }
        return UserErrors.run(spec, () -> {
            Model m = ModelFiles.open(model, weights, false, true);
            ModelArrays.checkOutputCount(m, outputs, "--output");
            List<Tensor> xs = ModelArrays.inputs(m, inputs, "--input");
            ModelArrays.checkSameSamples(xs, inputs);
            List<Tensor> ys;
            try {
                ys = m.predictAll(xs, batchSize, verbose);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (--input " + inputs + ")", e);
            }
            for (int k = 0; k < ys.size(); k++) {
                ArrayFiles.write(outputs.get(k), ys.get(k));
            }
            return 0;
        });
    }
}
