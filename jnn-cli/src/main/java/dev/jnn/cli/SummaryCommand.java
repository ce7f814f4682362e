package dev.jnn.cli;

import dev.jnn.io.UnsupportedKerasFeatureException;
import dev.jnn.models.Model;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jnn summary MODEL}: Keras's {@code model.summary()} table of a Keras file. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Print Keras's summary table of a .keras, .h5 or config JSON model.",
            "MODEL is a .keras file, a legacy .h5 or a config JSON (model.to_json()); the format is told from "
                + "its first bytes.",
            "Example: jnn summary model.keras"})
final class SummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .keras, .h5 or Keras config JSON file.")
    Path model;

    @Option(names = "--weights", paramLabel = "W.h5",
            description = "Weights for a config JSON (any Keras weights file); optional for a summary.")
    Path weights;

    @Option(names = "--line-length", paramLabel = "N",
            description = "Width of the table (Keras's line_length); default as Keras: from the terminal's COLUMNS.")
    Integer lineLength;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (lineLength != null && lineLength < 20) {
            throw new ParameterException(spec.commandLine(), "--line-length must be >= 20, got " + lineLength);
        }
        return UserErrors.run(spec, () -> {
            Model m;
            try {
                // Compiled, as keras.models.load_model does, so that the optimizer's parameters are counted too.
                m = ModelFiles.open(model, weights, true, false);
            } catch (UnsupportedKerasFeatureException e) {
                // A loss or optimizer jnn lacks does not stop a summary (Keras too warns and goes on); an
                // unsupported layer fails again here.
                m = ModelFiles.open(model, weights, false, false);
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(lineLength == null ? m.summaryText() : m.summaryText(lineLength));
            out.flush();
            return 0;
        });
    }
}
