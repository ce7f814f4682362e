package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.layers.Padding;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.regularizers.L2;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dialects of older Keras versions, the functional graph, refusals and custom classes. */
class KerasConfigTest {
    @Test
    void readsAKeras1SequentialWithOldArgumentNames() {
        Model model = KerasConfig.modelFromJson("""
                {"class_name": "Sequential", "config": [
                  {"class_name": "Convolution2D", "config": {"name": "conv", "trainable": true,
                    "batch_input_shape": [null, 8, 8, 1], "nb_filter": 4, "nb_row": 3, "nb_col": 2,
                    "init": "he_normal", "activation": "relu", "border_mode": "same", "subsample": [2, 1],
                    "dim_ordering": "tf", "W_regularizer": {"l1": 0.0, "l2": 0.01, "name": "WeightRegularizer"},
                    "b_regularizer": null, "activity_regularizer": null, "W_constraint": null, "b_constraint": null,
                    "bias": true}},
                  {"class_name": "MaxPooling2D", "config": {"name": "pool", "trainable": true, "pool_size": [2, 2],
                    "strides": [2, 2], "border_mode": "valid", "dim_ordering": "tf"}},
                  {"class_name": "Flatten", "config": {"name": "flat", "trainable": true}},
                  {"class_name": "Dense", "config": {"name": "out", "output_dim": 3, "init": "glorot_uniform",
                    "activation": "softmax", "bias": false, "W_regularizer": null, "b_regularizer": null,
                    "activity_regularizer": null, "W_constraint": null, "b_constraint": null, "input_dim": null}}]}
                """);
        assertEquals(Shape.of(8, 8, 1), model.inputShape());
        Conv2D conv = (Conv2D) model.layers().get(0);
        assertEquals("conv", conv.name());
        assertEquals(4, conv.config().filters());
        assertEquals(List.of(3, 2), conv.config().kernelSize());
        assertEquals(List.of(2, 1), conv.config().strides());
        assertEquals(Padding.SAME, conv.config().padding());
        assertEquals("HeNormal", conv.config().kernelInitializer().className());
        assertEquals(new L2(0.01), conv.config().kernelRegularizer());
        assertInstanceOf(MaxPooling2D.class, model.layers().get(1));
        Dense out = (Dense) model.layers().get(3);
        assertEquals(3, out.config().units());
        assertEquals(false, out.config().useBias());
        assertEquals(Shape.of(3), model.outputShape());
        assertEquals(4 * 3 * 2 + 4 + 4 * 2 * 4 * 3, model.countParams());
    }

    @Test
    void readsAKeras2FunctionalGraphWithSharedLayersAndKeepsNodeOrder() {
        Model model = KerasConfig.modelFromJson("""
                {"class_name": "Model", "config": {"name": "siamese", "layers": [
                  {"name": "a", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "dtype": "float32",
                    "sparse": false, "name": "a"}, "inbound_nodes": []},
                  {"name": "b", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "dtype": "float32",
                    "sparse": false, "name": "b"}, "inbound_nodes": []},
                  {"name": "shared", "class_name": "Dense", "config": {"name": "shared", "trainable": true, "units": 3,
                    "activation": "tanh", "use_bias": true,
                    "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
                      "distribution": "uniform", "seed": null}},
                    "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": null,
                    "bias_regularizer": null, "activity_regularizer": null, "kernel_constraint": null,
                    "bias_constraint": null},
                    "inbound_nodes": [[["a", 0, 0, {}]], [["b", 0, 0, {}]]]},
                  {"name": "head", "class_name": "Dense", "config": {"name": "head", "units": 1},
                    "inbound_nodes": [[["shared", 1, 0, {}]]]}],
                  "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["head", 0, 0], ["shared", 0, 0]]}}
                """);
        Functional f = assertInstanceOf(Functional.class, model);
        assertEquals("siamese", f.name());
        assertEquals(2, f.inputs().size());
        Layer shared = f.layers().stream().filter(l -> l.name().equals("shared")).findFirst().orElseThrow();
        assertEquals(2, shared.inboundNodes().size());
        // The head reads the shared layer's second call: it follows input "b".
        Tensor a = Tensor.of(new float[][] {{1, 2, 3, 4}});
        Tensor b = Tensor.of(new float[][] {{0, 0, 0, 0}});
        Tensor ya = f.call(List.of(a, b), false).get(0);
        Tensor yb = f.call(List.of(Tensor.of(new float[][] {{9, 9, 9, 9}}), b), false).get(0);
        assertEquals(ya.data()[0], yb.data()[0]);
        JsonNode written = KerasConfig.modelToJson(f);
        JsonNode head = null;
        for (JsonNode layer : written.at("/config/layers")) {
            if (layer.get("name").asText().equals("head")) {
                head = layer.at("/inbound_nodes/0/args/0/config/keras_history");
            }
        }
        assertEquals("[\"shared\",1,0]", String.valueOf(head));
        assertNull(JsonDiff.diff(written, KerasConfig.modelToJson(KerasConfig.modelFromJson(written))));
    }

    @Test
    void writesAFunctionalModelThatReadsBackToTheSameGraph() {
        SymbolicTensor x = Input.tensor("x", 6);
        SymbolicTensor h = new Dense(8, "relu").named("trunk").apply(x);
        SymbolicTensor out1 = new Dense(3, "softmax").named("digit").apply(h);
        SymbolicTensor out2 = new Dense(1, "sigmoid").named("odd").apply(h);
        Functional model = Model.of(List.of(x), List.of(out1, out2));
        String json = model.toJson();
        Model back = Model.fromJson(json);
        assertEquals(json, back.toJson());
        assertEquals(model.countParams(), back.countParams());
        assertEquals(List.of("digit", "odd"), back.outputNames());
    }

    @Test
    void nestedModelsAreWrittenInlineAndReadBack() {
        Sequential inner = new Sequential("inner", Input.shape(4), new Dense(3, "relu"));
        SymbolicTensor x = Input.tensor("x", 4);
        SymbolicTensor y = new Dense(1).named("head").apply(inner.apply(x));
        Functional outer = new Functional(List.of(x), List.of(y), "outer");
        JsonNode json = KerasConfig.modelToJson(outer);
        assertEquals("Sequential", json.at("/config/layers/1/class_name").asText());
        assertEquals("{\"mask\":null}", json.at("/config/layers/1/inbound_nodes/0/kwargs").toString());
        Model back = KerasConfig.modelFromJson(json);
        assertNull(JsonDiff.diff(json, KerasConfig.modelToJson(back)));
        assertEquals(outer.countParams(), back.countParams());
    }

    @Test
    void anUnknownClassIsRefusedNamingTheClassAndTheLayer() {
        var e = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelFromJson("""
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 3], "name": "in"}},
                  {"class_name": "Lambda", "config": {"name": "my_lambda", "function": "..."}}]}}
                """));
        assertEquals("Lambda", e.kerasClass());
        assertEquals("my_lambda", e.layerName());
        assertTrue(e.getMessage().contains("Lambda") && e.getMessage().contains("my_lambda"), e.getMessage());
        var withFile = e.withSource("model.h5", "2.3.1");
        assertTrue(withFile.getMessage().startsWith("model.h5 (Keras 2.3.1): "), withFile.getMessage());
        assertInstanceOf(IllegalArgumentException.class, withFile);
    }

    private static UnsupportedKerasFeatureException refusedDense(String extra) {
        return assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelFromJson(
                "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": \"Dense\","
                        + " \"config\": {\"name\": \"d\", \"units\": 2, \"batch_input_shape\": [null, 3], " + extra
                        + "}}]}}"));
    }

    @Test
    void argumentsJnnDoesNotImplementAreRefusedNotDropped() {
        assertTrue(refusedDense("\"kernel_constraint\": {\"class_name\": \"MaxNorm\", \"config\": {\"max_value\": 2}}")
                .getMessage().contains("kernel_constraint"));
        assertTrue(refusedDense("\"trainable\": false").getMessage().contains("trainable=false"));
        assertTrue(refusedDense("\"dtype\": \"float16\"").getMessage().contains("float16"));
        assertTrue(refusedDense("\"activity_regularizer\": {\"class_name\": \"L2\", \"config\": {\"l2\": 0.1}}")
                .getMessage().contains("activity_regularizer"));
        assertTrue(refusedDense("\"lora_rank\": 4").getMessage().contains("lora_rank"));
        assertTrue(refusedDense("\"some_future_option\": 3").getMessage().contains("some_future_option"));
        assertTrue(refusedDense("\"activation\": \"my_custom_fn\"").getMessage().contains("my_custom_fn"));
        var channelsFirst = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelFromJson("""
                {"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "UpSampling2D",
                  "config": {"name": "c", "size": 2, "batch_input_shape": [null, 1, 8, 8],
                  "data_format": "channels_first"}}]}}"""));
        assertEquals("UpSampling2D", channelsFirst.kerasClass());
        assertEquals("c", channelsFirst.layerName());
        assertTrue(channelsFirst.getMessage().contains("channels_first"));
    }

    @Test
    void inactiveDefaultsOfUnknownOptionsAreAccepted() {
        Model m = KerasConfig.modelFromJson("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", "
                + "\"layers\": [{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, "
                + "\"batch_input_shape\": [null, 3], \"some_future_flag\": false, \"other\": null}}]}}");
        assertEquals(8, m.countParams());
    }

    @Test
    void customClassesAreBuiltByTheirRegisteredFactory() {
        KerasConfig.register("my_package>Scaled", config -> new Dense(config.get("width").asInt()));
        Model m = KerasConfig.modelFromJson("""
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 3], "name": "in"}},
                  {"module": null, "class_name": "Scaled", "registered_name": "my_package>Scaled",
                   "config": {"name": "mine", "width": 5}}]}}""");
        assertEquals("mine", m.layers().get(0).name());
        assertEquals(Shape.of(5), m.outputShape());
        KerasConfig.registerModel("legacy_nested_container>NestedDenseModel",
                config -> new Sequential(config.path("name").asText(), Input.shape(2), new Dense(1)));
        Model custom = KerasConfig.modelFromJson("""
                {"module": null, "class_name": "NestedDenseModel",
                 "config": {"name": "nested_dense_model", "trainable": true},
                 "registered_name": "legacy_nested_container>NestedDenseModel"}""");
        assertEquals("nested_dense_model", custom.name());
    }

    @Test
    void hardSigmoidMeansWhatItMeantInTheKerasThatWroteTheConfig() {
        String keras2 = "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Activation\", "
                + "\"config\": {\"name\": \"a\", \"activation\": \"hard_sigmoid\", \"batch_input_shape\": [null, 2]}}]}";
        Model old = KerasConfig.modelFromJson(keras2);
        float[][] y = old.predict(new float[][] {{1f, -3f}});
        assertEquals(0.7f, y[0][0], 1e-6f);   // 0.2·1 + 0.5
        assertEquals(0f, y[0][1], 1e-6f);
        var e = assertThrows(UnsupportedKerasFeatureException.class, old::toJson);
        assertTrue(e.getMessage().contains("hard_sigmoid_keras2"), e.getMessage());
        Model keras3 = KerasConfig.modelFromJson(KerasConfig.parse(keras2), "3.1.0");
        assertEquals(1f / 6f + 0.5f, keras3.predict(new float[][] {{1f, -3f}})[0][0], 1e-6f);
    }

    private static String keras3Call(String kwargs) {
        return """
                {"class_name": "Functional", "config": {"name": "f", "layers": [
                  {"class_name": "InputLayer", "name": "x", "config": {"batch_shape": [null, 3], "name": "x"},
                   "inbound_nodes": []},
                  {"class_name": "Dropout", "name": "drop", "config": {"name": "drop", "rate": 0.5},
                   "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 3],
                     "dtype": "float32", "keras_history": ["x", 0, 0]}}], "kwargs": %s}]}],
                  "input_layers": ["x", 0, 0], "output_layers": ["drop", 0, 0]}}""".formatted(kwargs);
    }

    @Test
    void callArgumentsThatChangeTheComputationAreRefused() {
        assertEquals(1, KerasConfig.modelFromJson(keras3Call("{\"training\": false, \"mask\": null}")).layers().size() - 1);
        var training = assertThrows(UnsupportedKerasFeatureException.class,
                () -> KerasConfig.modelFromJson(keras3Call("{\"training\": true}")));
        assertEquals("drop", training.layerName());
        assertTrue(training.getMessage().contains("training=true"), training.getMessage());
        var other = assertThrows(UnsupportedKerasFeatureException.class,
                () -> KerasConfig.modelFromJson(keras3Call("{\"noise_scale\": 2}")));
        assertTrue(other.getMessage().contains("noise_scale"), other.getMessage());
    }

    /** A user's layer: the identity with one argument. */
    static final class Tagged extends Layer {
        record Config(int tag) implements dev.jnn.layers.LayerConfig {
        }

        private final Config config;

        Tagged(int tag) {
            this.config = new Config(tag);
        }

        @Override
        public Config config() {
            return config;
        }

        @Override
        public Shape outputShape(Shape inputShape) {
            return inputShape;
        }

        @Override
        protected Tensor forward(Tensor input, boolean training) {
            return input;
        }
    }

    @Test
    void registeredCustomLayersAreWrittenWithTheirRegisteredName() {
        KerasConfig.register("my_package>Tagged", Tagged.class, c -> new Tagged(c.get("tag").asInt()), l -> {
            var c = JsonNodes.object();
            c.put("name", l.name());
            c.put("tag", l.config().tag());
            return c;
        });
        Sequential model = new Sequential(Input.shape(3), new Tagged(7).named("tagged"), new Dense(2));
        JsonNode json = KerasConfig.modelToJson(model);
        assertEquals("my_package>Tagged", json.at("/config/layers/1/registered_name").asText());
        assertEquals("Tagged", json.at("/config/layers/1/class_name").asText());
        Model back = KerasConfig.modelFromJson(json);
        assertEquals(7, ((Tagged) back.layers().get(0)).config().tag());
        assertEquals("tagged", back.layers().get(0).name());
        JsonNode legacy = KerasConfig.modelToLegacyJson(model);
        assertEquals("my_package>Tagged", legacy.at("/config/layers/1/class_name").asText());
        assertNull(JsonDiff.diff(json, KerasConfig.modelToJson(KerasConfig.modelFromJson(legacy))));
    }

    @Test
    void keras1MergeLayersBecomeKeras2MergeClasses() {
        Model m = KerasConfig.modelFromJson("""
                {"class_name": "Model", "config": {"name": "m", "layers": [
                  {"name": "a", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3], "name": "a"},
                   "inbound_nodes": []},
                  {"name": "b", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3], "name": "b"},
                   "inbound_nodes": []},
                  {"name": "merged", "class_name": "Merge", "config": {"name": "merged", "mode": "concat",
                    "concat_axis": -1, "mode_type": "raw", "output_shape": null, "output_shape_type": "raw",
                    "output_mask": null, "output_mask_type": "raw", "arguments": {}},
                   "inbound_nodes": [[["a", 0, 0], ["b", 0, 0]]]}],
                  "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["merged", 0, 0]]}}""");
        assertEquals("Concatenate", m.layers().get(m.layers().size() - 1).className());
        assertEquals(Shape.of(6), m.outputShape());
        var cos = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelFromJson(
                "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Merge\", \"config\": "
                        + "{\"name\": \"m\", \"mode\": \"cos\"}}]}"));
        assertTrue(cos.getMessage().contains("mode=cos"), cos.getMessage());
    }

    @Test
    void aSequentialWithAVariableLengthInputStaysUnbuiltUntilItsFirstBatch() {
        Model m = KerasConfig.modelFromJson("""
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, null, 3], "name": "in"}},
                  {"class_name": "Dense", "config": {"name": "d", "units": 2}}],
                  "build_input_shape": [null, null, 3]}}""");
        assertNull(m.inputShape());
        Tensor y = m.predict(Tensor.zeros(Shape.of(2, 5, 3)), 2);
        assertEquals(Shape.of(2, 5, 2), y.shape());
    }

    @Test
    void malformedConfigsGiveClearErrors() {
        var notJson = assertThrows(IllegalArgumentException.class, () -> KerasConfig.modelFromJson("{nope"));
        assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
        var noClass = assertThrows(IllegalArgumentException.class, () -> KerasConfig.modelFromJson("{\"config\": {}}"));
        assertTrue(noClass.getMessage().contains("class_name"), noClass.getMessage());
        var badUnits = assertThrows(IllegalArgumentException.class, () -> KerasConfig.modelFromJson(
                "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": "
                        + "\"Dense\", \"config\": {\"name\": \"d\", \"units\": \"many\"}}]}}"));
        assertTrue(badUnits.getMessage().contains("units") && badUnits.getMessage().contains("\"d\""),
                badUnits.getMessage());
        // A functional model's inputs need known shapes (a Sequential is left unbuilt instead).
        var variable = assertThrows(UnsupportedKerasFeatureException.class, () -> KerasConfig.modelFromJson("""
                {"class_name": "Functional", "config": {"name": "f", "layers": [
                  {"class_name": "InputLayer", "name": "in", "config": {"name": "in", "batch_shape": [null, null, 3]},
                   "inbound_nodes": []}], "input_layers": ["in", 0, 0], "output_layers": ["in", 0, 0]}}"""));
        assertTrue(variable.getMessage().contains("batch_shape"), variable.getMessage());
    }
}
