package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.initializers.Initializers;
import dev.jnn.layers.Activation;
import dev.jnn.layers.Bidirectional;
import dev.jnn.layers.GRU;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.SimpleRNN;
import dev.jnn.layers.Embedding;
import dev.jnn.layers.Masking;
import dev.jnn.layers.TimeDistributed;
import dev.jnn.layers.AveragePooling1D;
import dev.jnn.layers.AveragePooling2D;
import dev.jnn.layers.BatchNormalization;
import dev.jnn.layers.Conv1D;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Conv2DTranspose;
import dev.jnn.layers.Cropping2D;
import dev.jnn.layers.Dense;
import dev.jnn.layers.DepthwiseConv2D;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.ELU;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.GaussianNoise;
import dev.jnn.layers.GlobalAveragePooling1D;
import dev.jnn.layers.GlobalAveragePooling2D;
import dev.jnn.layers.GlobalMaxPooling1D;
import dev.jnn.layers.GlobalMaxPooling2D;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.layers.LayerNormalization;
import dev.jnn.layers.LeakyReLU;
import dev.jnn.layers.MaxPooling1D;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.layers.PReLU;
import dev.jnn.layers.Permute;
import dev.jnn.layers.ReLU;
import dev.jnn.layers.RepeatVector;
import dev.jnn.layers.Reshape;
import dev.jnn.layers.SeparableConv2D;
import dev.jnn.layers.Softmax;
import dev.jnn.layers.SpatialDropout1D;
import dev.jnn.layers.SpatialDropout2D;
import dev.jnn.layers.UpSampling2D;
import dev.jnn.layers.ZeroPadding2D;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.regularizers.Regularizers;
import java.io.File;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every jnn layer type survives toJson → fromJson with an equal config, its name and its shapes. */
class LayerRoundTripTest {
    /** One sample per layer type, with arguments away from the defaults where the layer has any. */
    record Sample(int[] inputShape, Supplier<Layer> layer) {
    }

    static List<Sample> samples() {
        return List.of(
                new Sample(new int[] {4}, () -> Dense.builder(5).activation("relu").useBias(false)
                        .kernelInitializer(Initializers.heNormal(7L)).kernelRegularizer(Regularizers.l2(0.01))
                        .build().named("hidden")),
                new Sample(new int[] {4}, () -> new Activation("softmax")),
                new Sample(new int[] {4}, () -> new Dropout(0.25f, 3L)),
                new Sample(new int[] {5, 4}, () -> new SpatialDropout1D(0.2f)),
                new Sample(new int[] {5, 5, 4}, () -> new SpatialDropout2D(0.2f, 1L)),
                new Sample(new int[] {4}, () -> new GaussianNoise(0.1f, 5L)),
                new Sample(new int[] {2, 3}, Flatten::new),
                new Sample(new int[] {6}, () -> new Reshape(2, 3)),
                new Sample(new int[] {2, 3}, () -> new Permute(2, 1)),
                new Sample(new int[] {4}, () -> new RepeatVector(3)),
                new Sample(new int[] {4}, () -> new Softmax(-1)),
                new Sample(new int[] {4}, () -> new ReLU(6f, 0.1f, 0.5f)),
                new Sample(new int[] {4}, () -> new LeakyReLU(0.2f)),
                new Sample(new int[] {4}, () -> new ELU(0.5f)),
                new Sample(new int[] {3, 4}, () -> new PReLU(new int[] {1})),
                new Sample(new int[] {4}, () -> BatchNormalization.builder().momentum(0.9f).epsilon(1e-5f).build()),
                new Sample(new int[] {3, 4}, () -> new LayerNormalization()),
                new Sample(new int[] {10, 3}, () -> Conv1D.builder(4, 3).strides(2).padding("same")
                        .activation("relu").build()),
                new Sample(new int[] {8, 8, 3}, () -> Conv2D.builder(4, 3, 2).strides(2, 1).padding("same")
                        .biasRegularizer(Regularizers.l1(0.001)).build()),
                new Sample(new int[] {5, 5, 2}, () -> Conv2DTranspose.builder(3, 3).strides(2).padding("same")
                        .outputPadding(1).build()),
                new Sample(new int[] {6, 6, 2}, () -> DepthwiseConv2D.builder(3).depthMultiplier(2)
                        .activation("relu").build()),
                new Sample(new int[] {6, 6, 2}, () -> SeparableConv2D.builder(4, 3).padding("same").build()),
                new Sample(new int[] {8, 3}, () -> new MaxPooling1D(new MaxPooling1D.Config(3, 1, "same"))),
                new Sample(new int[] {8, 3}, () -> new AveragePooling1D(2)),
                new Sample(new int[] {8, 8, 3}, () -> new MaxPooling2D(2, 2)),
                new Sample(new int[] {8, 8, 3}, () -> new AveragePooling2D(new AveragePooling2D.Config(3, 2, 1, 2,
                        "same"))),
                new Sample(new int[] {5, 3}, () -> new GlobalAveragePooling1D()),
                new Sample(new int[] {5, 3}, () -> new GlobalMaxPooling1D(new GlobalMaxPooling1D.Config(true))),
                new Sample(new int[] {5, 5, 3}, () -> new GlobalAveragePooling2D()),
                new Sample(new int[] {5, 5, 3}, () -> new GlobalMaxPooling2D()),
                new Sample(new int[] {8, 8, 3}, () -> new Cropping2D(new Cropping2D.Config(1, 2, 0, 1))),
                new Sample(new int[] {4, 4, 3}, () -> new ZeroPadding2D(new ZeroPadding2D.Config(1, 0, 2, 1))),
                new Sample(new int[] {4, 4, 3}, () -> new UpSampling2D(2, 3)),
                new Sample(new int[] {5}, () -> new Embedding(new Embedding.Config(20, 4,
                        Initializers.randomUniform(-0.05, 0.05, null), null, true))),
                new Sample(new int[] {5, 3}, () -> new Masking(-1f)),
                new Sample(new int[] {5, 3}, () -> new TimeDistributed(new Dense(2, "tanh"))),
                new Sample(new int[] {5, 3}, () -> SimpleRNN.builder(4).returnSequences(true).activation("relu").build()),
                new Sample(new int[] {5, 3}, () -> LSTM.builder(4).goBackwards(true).unitForgetBias(false)
                        .dropout(0.1f).seed(3).build()),
                new Sample(new int[] {5, 3}, () -> GRU.builder(4).resetAfter(false).returnSequences(true).build()),
                new Sample(new int[] {5, 3}, () -> new Bidirectional(LSTM.builder(4).returnSequences(true).build(),
                        "sum")),
                new Sample(new int[] {4, 4, 3}, () -> new dev.jnn.layers.Rescaling(
                        new dev.jnn.layers.Rescaling.Config(dev.jnn.layers.BroadcastValues.of(1 / 255.0, 2, 3),
                                dev.jnn.layers.BroadcastValues.scalar(-1)))),
                new Sample(new int[] {4, 3}, () -> new dev.jnn.layers.Normalization(
                        new dev.jnn.layers.Normalization.Config(java.util.List.of(1, 2), null, null, true))),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.RandomFlip(
                        new dev.jnn.layers.RandomFlip.Config("vertical", 3L, null))),
                new Sample(new int[] {3, 5, 6}, () -> new dev.jnn.layers.RandomRotation(
                        new dev.jnn.layers.RandomRotation.Config(-0.1, 0.3, "constant", "nearest", 0.5, 2L,
                                dev.jnn.layers.DataFormat.CHANNELS_FIRST))),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.RandomZoom(new dev.jnn.layers.RandomZoom.Config(
                        java.util.List.of(-0.2, 0.1), java.util.List.of(0.3), "wrap", "bilinear", 0, null, null))),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.RandomTranslation(0.1, 0.2)),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.RandomContrast(0.25)),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.RandomBrightness(
                        new dev.jnn.layers.RandomBrightness.Config(-0.1, 0.2, 0, 1, 9L, null))),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.RandomCrop(3, 4)),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.CenterCrop(4, 4)),
                new Sample(new int[] {5, 6, 3}, () -> new dev.jnn.layers.Resizing(new dev.jnn.layers.Resizing.Config(
                        8, 7, "nearest", true, false, 0, null))),
                new Sample(new int[] {4, 3}, () -> new dev.jnn.layers.ZeroPadding1D(
                        new dev.jnn.layers.ZeroPadding1D.Config(1, 3, dev.jnn.layers.DataFormat.CHANNELS_FIRST))),
                new Sample(new int[] {6, 3}, () -> new dev.jnn.layers.Cropping1D(2, 0)),
                new Sample(new int[] {4, 3}, () -> new dev.jnn.layers.UpSampling1D(3)),
                new Sample(new int[] {4}, dev.jnn.layers.Identity::new),
                new Sample(new int[] {4}, () -> new dev.jnn.layers.GaussianDropout(
                        new dev.jnn.layers.GaussianDropout.Config(0.3, 4L))),
                new Sample(new int[] {4}, () -> new dev.jnn.layers.AlphaDropout(0.1)),
                new Sample(new int[] {4}, () -> new dev.jnn.layers.ActivityRegularization(0.01, 0)),
                new Sample(new int[] {3, 4}, () -> new dev.jnn.layers.UnitNormalization(1, 2)),
                new Sample(new int[] {3, 4}, () -> new dev.jnn.layers.GroupNormalization(2)),
                new Sample(new int[] {7, 3}, () -> new dev.jnn.layers.DepthwiseConv1D(new dev.jnn.layers.DepthwiseConv1D.Config(
                        java.util.List.of(3), java.util.List.of(2), dev.jnn.layers.Padding.SAME, 2, java.util.List.of(1),
                        dev.jnn.activations.Activations.get("relu"), false, Initializers.heNormal(3L),
                        Initializers.get("zeros"), Regularizers.l2(0.01), null, dev.jnn.layers.DataFormat.CHANNELS_FIRST))),
                new Sample(new int[] {7, 3}, () -> new dev.jnn.layers.SeparableConv1D(4, 3)),
                new Sample(new int[] {4, 3}, () -> new dev.jnn.layers.Conv1DTranspose(new dev.jnn.layers.Conv1DTranspose.Config(
                        2, java.util.List.of(3), java.util.List.of(2), dev.jnn.layers.Padding.VALID, java.util.List.of(1),
                        java.util.List.of(1), null, true, Initializers.get("glorot_uniform"), Initializers.get("zeros"),
                        null, null, null))));
    }

    @TestFactory
    List<DynamicTest> everyLayerTypeRoundTrips() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : samples()) {
            Layer probe = s.layer.get();
            tests.add(DynamicTest.dynamicTest(probe.className(), () -> {
                Layer layer = s.layer.get();
                Sequential model = new Sequential(Input.shape(s.inputShape), layer);
                JsonNode json = KerasConfig.modelToJson(model);
                Model back = KerasConfig.modelFromJson(json);
                Layer read = back.layers().get(0);
                assertEquals(layer.getClass(), read.getClass());
                assertEquals(layer.name(), read.name());
                assertEquals(layer.config().toString(), read.config().toString());
                assertEquals(model.outputShape(), back.outputShape());
                assertEquals(model.countParams(), back.countParams());
                assertNull(JsonDiff.diff(json, KerasConfig.modelToJson(back)));
                // The legacy .h5 form reads back to the same model too.
                Model legacy = KerasConfig.modelFromJson(KerasConfig.modelToLegacyJson(model));
                assertNull(JsonDiff.diff(json, KerasConfig.modelToJson(legacy)));
            }));
        }
        return tests;
    }

    @Test
    void theSamplesCoverEveryRegisteredType() {
        Set<Class<?>> sampled = new HashSet<>();
        samples().forEach(s -> sampled.add(s.layer.get().getClass()));
        MultiInputRoundTripTest.samples().forEach(s -> sampled.add(s.layer().get().getClass()));
        sampled.add(Input.class);
        assertEquals(LayerRegistry.layerTypes(), sampled);
    }

    /** Every concrete public layer class in dev.jnn.layers has a Keras reader and writer. */
    @Test
    void everyJnnLayerClassIsRegistered() throws URISyntaxException, ClassNotFoundException {
        File dir = new File(Layer.class.getResource("Layer.class").toURI()).getParentFile();
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (String file : dir.list()) {
            if (!file.endsWith(".class") || file.contains("$")) {
                continue;
            }
            Class<?> c = Class.forName("dev.jnn.layers." + file.replace(".class", ""));
            if (Layer.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())
                    && Modifier.isPublic(c.getModifiers())) {
                found++;
                if (!LayerRegistry.layerTypes().contains(c)) {
                    missing.add(c.getSimpleName());
                }
            }
        }
        assertTrue(found > 30, "found " + found + " layer classes");
        assertTrue(missing.isEmpty(), "layers without a Keras reader/writer: " + missing);
    }
}
