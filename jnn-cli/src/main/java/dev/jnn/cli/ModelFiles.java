package dev.jnn.cli;

import dev.jnn.io.KerasFileException;
import dev.jnn.io.KerasFiles;
import dev.jnn.io.KerasFormat;
import dev.jnn.io.UnsupportedKerasFeatureException;
import dev.jnn.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the MODEL argument of the commands: a {@code .keras} zip, a legacy {@code .h5} or a Keras
 * config JSON ({@code model.to_json()}), told apart by their first bytes as {@link KerasFormat} does,
 * optionally with the weights from a separate file ({@code --weights}).
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * The model in {@code file}, with the weights of {@code weights} when it is not null.
     *
     * @param compile whether to restore the compile settings and optimizer state the file holds
     * @param needWeights whether a config JSON without {@code --weights} is an error (it is not for a summary)
     */
    static Model open(Path file, Path weights, boolean compile, boolean needWeights) throws IOException {
        if (KerasFormat.detect(file) == KerasFormat.JSON) {
            if (weights != null) {
                return KerasFiles.load(file, weights);
            }
            if (needWeights) {
                throw new IllegalArgumentException(file + ": this is a model config (JSON) without weights; "
                        + "give its weights with --weights W.h5");
            }
            try {
                return Model.fromJson(Files.readString(file));
            } catch (UnsupportedKerasFeatureException e) {
                throw e.withSource(file.toString(), null);
            } catch (RuntimeException e) {
                // As KerasFiles does for a file's config: wherever the reader trips, the file is at fault.
                throw new KerasFileException(file, "the model config cannot be read: " + e.getMessage(), e);
            }
        }
        Model model = KerasFiles.load(file, compile);
        if (weights != null) {
            KerasFiles.loadWeights(model, weights);
        }
        return model;
    }
}
