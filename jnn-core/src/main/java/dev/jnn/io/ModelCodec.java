package dev.jnn.io;

import dev.jnn.models.Model;
import java.io.IOException;

/**
 * Turns a model's architecture and compile settings into Keras JSON and back: the part of a Keras file
 * that is not weights. {@link KerasFiles} uses {@code KerasConfig} through it.
 */
interface ModelCodec {
    /** A built model from a {@code {"class_name": ..., "config": ...}} JSON of any Keras generation. */
    Model modelFromJson(String modelConfig) throws IOException;

    /** Keras 3's serialization (the {@code config.json} of a {@code .keras} file). */
    String modelToJson(Model model);

    /** The legacy serialization written to an {@code .h5} file's {@code model_config}. */
    String modelToLegacyJson(Model model);

    /** Compiles {@code model} from a Keras 3 {@code compile_config} or a legacy {@code training_config}. */
    void compileFromJson(Model model, String compileConfig) throws IOException;

    /** The legacy {@code training_config} of a compiled model. */
    String trainingConfig(Model model);
}
