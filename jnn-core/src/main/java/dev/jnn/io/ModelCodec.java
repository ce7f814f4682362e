package dev.jnn.io;

import dev.jnn.models.Model;

/**
 * The part of a Keras file that is not weights: the architecture and compile settings as Keras JSON.
 * {@link #KERAS} is {@link KerasConfig}; tests may give another to exercise the files alone.
 */
interface ModelCodec {
    /**
     * A built model from a {@code {"class_name": ..., "config": ...}} JSON of any Keras generation;
     * {@code kerasVersion} is the version the file records (null: detected from the config).
     */
    Model modelFromJson(String modelConfig, String kerasVersion);

    /** Keras 3's serialization (the {@code config.json} of a {@code .keras} file). */
    String modelToJson(Model model);

    /** The legacy serialization written to an {@code .h5} file's {@code model_config}. */
    String modelToLegacyJson(Model model);

    /** Compiles {@code model} from a Keras 3 {@code compile_config} or a legacy {@code training_config}. */
    void compileFromJson(Model model, String compileConfig);

    /** The legacy {@code training_config} of a compiled model. */
    String trainingConfig(Model model);

    ModelCodec KERAS = new ModelCodec() {
        @Override
        public Model modelFromJson(String modelConfig, String kerasVersion) {
            return KerasConfig.modelFromJson(KerasConfig.parse(modelConfig), kerasVersion);
        }

        @Override
        public String modelToJson(Model model) {
            return KerasConfig.modelToJson(model).toString();
        }

        @Override
        public String modelToLegacyJson(Model model) {
            return KerasConfig.modelToLegacyJson(model).toString();
        }

        @Override
        public void compileFromJson(Model model, String compileConfig) {
            KerasConfig.compileFromJson(model, KerasConfig.parse(compileConfig));
        }

        @Override
        public String trainingConfig(Model model) {
            return KerasConfig.compileToLegacyJson(model).toString();
        }
    };
}
