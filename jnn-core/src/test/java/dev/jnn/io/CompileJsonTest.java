package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.losses.BinaryCrossentropy;
import dev.jnn.losses.Losses;
import dev.jnn.losses.MeanSquaredError;
import dev.jnn.losses.SparseCategoricalCrossentropy;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.optimizers.InverseTimeDecay;
import dev.jnn.optimizers.RMSprop;
import dev.jnn.optimizers.SGD;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Compile configs: Keras 3's compile_config and the legacy training_config, read and written. */
class CompileJsonTest {
    private static JsonNode golden(String name) throws Exception {
        return KerasConfigGoldenTest.read(KerasConfigGoldenTest.cases("keras3").stream()
                .filter(p -> p.getFileName().toString().equals(name + ".json")).findFirst().orElseThrow());
    }

    private static Model compiledFromGolden(String name) throws Exception {
        JsonNode config = golden(name).get("config");
        Model model = KerasConfig.modelFromJson(config);
        KerasConfig.compileFromJson(model, config.get("compile_config"));
        return model;
    }

    @Test
    void keras3CompileConfigsAreReadAsKerasMeantThem() throws Exception {
        Model mlp = compiledFromGolden("sequential_mlp_compiled");
        assertInstanceOf(Adam.class, mlp.optimizer());
        assertEquals(0.001f, mlp.optimizer().currentLearningRate());
        assertInstanceOf(BinaryCrossentropy.class, mlp.loss());
        assertEquals(java.util.List.of("accuracy"), mlp.compileOptions().metrics());

        Model sgd = compiledFromGolden("sequential_sgd_objects");
        assertInstanceOf(SGD.class, sgd.optimizer());
        assertEquals(0.05f, sgd.optimizer().currentLearningRate());
        assertInstanceOf(MeanSquaredError.class, sgd.loss());

        Model rms = compiledFromGolden("sequential_rmsprop_xent");
        assertInstanceOf(RMSprop.class, rms.optimizer());
        assertEquals(1.0f, rms.optimizer().options().clipnorm());
        assertInstanceOf(SparseCategoricalCrossentropy.class, rms.loss());

        Model heads = compiledFromGolden("functional_two_outputs_compiled");
        CompileOptions o = heads.compileOptions();
        assertInstanceOf(SparseCategoricalCrossentropy.class, o.outputLosses().get("digit"));
        assertInstanceOf(BinaryCrossentropy.class, o.outputLosses().get("odd"));
        assertEquals(0.5f, o.lossWeights().get("odd"));
        assertEquals(java.util.List.of("accuracy"), o.outputMetrics().get("digit"));
    }

    @Test
    void legacyTrainingConfigsAreWrittenAsKeras3WritesThem() throws Exception {
        for (String name : new String[] {"sequential_mlp_compiled", "sequential_sgd_objects",
                "sequential_rmsprop_xent", "functional_two_outputs_compiled"}) {
            Model model = compiledFromGolden(name);
            ObjectNode expected = golden(name).get("legacy_training").deepCopy();
            ObjectNode actual = KerasConfig.compileToLegacyJson(model);
            expected.remove("loss");
            actual.remove("loss");
            assertNull(JsonDiff.diff(expected, actual), name);
        }
    }

    @Test
    void compileConfigsRoundTrip() {
        Sequential model = new Sequential(Input.shape(3), new Dense(2));
        model.compile(CompileOptions.builder().optimizer(Adam.builder().learningRate(0.01f).amsgrad(true).build())
                .loss(Losses.fromConfig("Huber", java.util.Map.of("delta", 2.0))).metrics("mae", "accuracy").build());
        ObjectNode json = KerasConfig.compileToJson(model);
        Sequential again = new Sequential(Input.shape(3), new Dense(2));
        KerasConfig.compileFromJson(again, json);
        assertNull(JsonDiff.diff(json, KerasConfig.compileToJson(again)));
        assertEquals("{\"name\":\"huber_loss\",\"reduction\":\"sum_over_batch_size\",\"delta\":2.0}",
                json.at("/loss/config").toString());
        Sequential legacy = new Sequential(Input.shape(3), new Dense(2));
        KerasConfig.compileFromJson(legacy, KerasConfig.compileToLegacyJson(model));
        assertNull(JsonDiff.diff(json, KerasConfig.compileToJson(legacy)));
    }

    @Test
    void keras1And2OptimizerConfigsAreTranslated() {
        Sequential model = new Sequential(Input.shape(3), new Dense(1));
        KerasConfig.compileFromJson(model, KerasConfig.parse("""
                {"optimizer_config": {"class_name": "Adam", "config": {"lr": 0.0010000000474974513,
                  "beta_1": 0.8999999761581421, "beta_2": 0.9990000128746033, "decay": 0.0, "epsilon": 1e-08}},
                 "loss": "mse", "metrics": ["acc"], "sample_weight_mode": null, "loss_weights": null}"""));
        Adam adam = assertInstanceOf(Adam.class, model.optimizer());
        assertEquals(0.001f, adam.currentLearningRate());
        assertEquals(1e-8, ((Number) adam.config().get("epsilon")).doubleValue(), 1e-12);
        assertInstanceOf(MeanSquaredError.class, model.loss());

        // Keras 2's decay: update t (from 0) used lr / (1 + decay·t)
        KerasConfig.compileFromJson(model, KerasConfig.parse("{\"optimizer_config\": {\"class_name\": \"SGD\", "
                + "\"config\": {\"lr\": 0.1, \"decay\": 0.01}}, \"loss\": \"mse\"}"));
        SGD decayed = assertInstanceOf(SGD.class, model.optimizer());
        InverseTimeDecay schedule = assertInstanceOf(InverseTimeDecay.class, decayed.learningRateSchedule());
        assertEquals(0.1f, schedule.learningRate(0));
        assertEquals((float) (0.1 / (1 + 0.01 * 250)), schedule.learningRate(250));
        var metric = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.compileFromJson(model,
                KerasConfig.parse("{\"optimizer\": \"adam\", \"loss\": \"mse\", \"metrics\": [\"my_metric\"]}")));
        assertTrue(metric.getMessage().contains("my_metric"), metric.getMessage());
    }

    @Test
    void fixtureTrainingConfigsAreReadOrRefusedByName() throws Exception {
        int read = 0;
        for (Path p : KerasConfigGoldenTest.cases("fixtures")) {
            JsonNode fixture = KerasConfigGoldenTest.read(p);
            JsonNode training = fixture.get("training_config");
            if (training == null || training.isNull()) {
                continue;
            }
            String name = p.getFileName().toString().replace(".json", "");
            Sequential model = new Sequential(Input.shape(3), new Dense(1));
            String refused = FixtureExpectations.COMPILE_REFUSED.get(name);
            if (refused != null) {
                var e = assertThrows(UnsupportedKerasFeatureException.class,
                        () -> KerasConfig.compileFromJson(model, training));
                assertTrue(e.getMessage().contains(refused), name + ": " + e.getMessage());
            } else {
                try {
                    KerasConfig.compileFromJson(model, training);
                } catch (RuntimeException e) {
                    throw new AssertionError(name + ": " + e.getMessage(), e);
                }
                read++;
            }
        }
        assertTrue(read >= 5, "training configs read: " + read);
    }
}
