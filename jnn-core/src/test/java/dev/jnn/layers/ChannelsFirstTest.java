package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.io.KerasConfig;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.tensor.Transposition;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Keras's data_format="channels_first": each layer equals its channels_last twin on transposed data, has
 * exact gradients, survives configs, and real Keras files (written by Keras 3 on torch,
 * tools/golden/make_channels_first_golden.py) reproduce Keras's predictions.
 */
class ChannelsFirstTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/channels_first");

    @Test
    void conv2dChannelsFirstIsTheChannelsLastConvolutionOfTheTransposedImage() {
        Conv2D last = Conv2D.builder(4, 3).strides(2).padding("same").activation("relu").build();
        Conv2D first = Conv2D.builder(4, 3).strides(2).padding("same").activation("relu").dataFormat("channels_first").build();
        last.build(Shape.of(7, 6, 3), false);
        first.build(Shape.of(3, 7, 6), false);
        copyWeights(last, first);
        Tensor xFirst = random(Shape.of(2, 3, 7, 6), 1);
        Tensor yLast = last.call(permute(xFirst, 0, 2, 3, 1), false);
        Tensor yFirst = first.call(xFirst, false);
        assertEquals(Shape.of(2, 4, 4, 3), yFirst.shape());
        assertEquals(Shape.of(4, 4, 3), first.outputShape(Shape.of(3, 7, 6)));
        assertArrayEquals(permute(yLast, 0, 3, 1, 2).data(), yFirst.data(), 0f);
    }

    @Test
    void conv1dChannelsFirstIsTheChannelsLastConvolutionOfTheTransposedSequence() {
        Conv1D last = Conv1D.builder(5, 3).padding("causal").dilationRate(2).build();
        Conv1D first = Conv1D.builder(5, 3).padding("causal").dilationRate(2).dataFormat("channels_first").build();
        last.build(Shape.of(9, 2), false);
        first.build(Shape.of(2, 9), false);
        copyWeights(last, first);
        Tensor xFirst = random(Shape.of(3, 2, 9), 2);
        Tensor yFirst = first.call(xFirst, false);
        assertEquals(Shape.of(3, 5, 9), yFirst.shape());
        assertArrayEquals(permute(last.call(permute(xFirst, 0, 2, 1), false), 0, 2, 1).data(), yFirst.data(), 0f);
    }

    @Test
    void poolingAndFlattenEqualTheirChannelsLastTwinsOnTransposedData() {
        Tensor x2 = random(Shape.of(2, 3, 5, 4), 3);
        Tensor x2Last = permute(x2, 0, 2, 3, 1);
        assertArrayEquals(permute(new MaxPooling2D(new MaxPooling2D.Config(2, 2, 1, 2, "same")).call(x2Last, false), 0, 3, 1, 2).data(),
                new MaxPooling2D(new MaxPooling2D.Config(2, 2, 1, 2, "same", DataFormat.CHANNELS_FIRST)).call(x2, false).data(), 0f);
        assertArrayEquals(permute(new AveragePooling2D(2, 2).call(x2Last, false), 0, 3, 1, 2).data(),
                new AveragePooling2D(new AveragePooling2D.Config(2, 2, 2, 2, "valid", DataFormat.CHANNELS_FIRST)).call(x2, false).data(), 0f);
        assertArrayEquals(new GlobalMaxPooling2D().call(x2Last, false).data(),
                new GlobalMaxPooling2D(new GlobalMaxPooling2D.Config(false, DataFormat.CHANNELS_FIRST)).call(x2, false).data(), 0f);
        Tensor kept = new GlobalAveragePooling2D(new GlobalAveragePooling2D.Config(true, DataFormat.CHANNELS_FIRST)).call(x2, false);
        assertEquals(Shape.of(2, 3, 1, 1), kept.shape());
        assertArrayEquals(new GlobalAveragePooling2D().call(x2Last, false).data(), kept.data(), 1e-6f);
        assertArrayEquals(new Flatten().call(x2Last, false).data(),
                new Flatten(new Flatten.Config(DataFormat.CHANNELS_FIRST)).call(x2, false).data(), 0f);

        Tensor x1 = random(Shape.of(2, 3, 7), 4);
        Tensor x1Last = permute(x1, 0, 2, 1);
        assertArrayEquals(permute(new MaxPooling1D(new MaxPooling1D.Config(3, 2, "same")).call(x1Last, false), 0, 2, 1).data(),
                new MaxPooling1D(new MaxPooling1D.Config(3, 2, "same", DataFormat.CHANNELS_FIRST)).call(x1, false).data(), 0f);
        assertArrayEquals(permute(new AveragePooling1D(2).call(x1Last, false), 0, 2, 1).data(),
                new AveragePooling1D(new AveragePooling1D.Config(2, 2, "valid", DataFormat.CHANNELS_FIRST)).call(x1, false).data(), 0f);
        assertEquals(Shape.of(3, 4), new MaxPooling1D(new MaxPooling1D.Config(3, 2, "same", DataFormat.CHANNELS_FIRST))
                .outputShape(Shape.of(3, 7)));
        assertEquals(Shape.of(3), new GlobalMaxPooling1D(new GlobalMaxPooling1D.Config(false, DataFormat.CHANNELS_FIRST))
                .outputShape(Shape.of(3, 7)));
    }

    @Test
    void realKerasChannelsFirstFilesReproduceKerasPredictions() throws Exception {
        for (String name : List.of("conv2d_pool_flatten", "conv1d_global", "global_average_2d")) {
            JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve(name + ".json").toFile());
            Tensor x = new Tensor(GoldenFiles.shape(golden.get("x_shape")), GoldenFiles.floats(golden.get("x")));
            float[] want = GoldenFiles.floats(golden.get("y"));
            for (String extension : List.of(".keras", ".h5")) {
                Model model = Model.load(GOLDEN.resolve(name + extension));
                Tensor y = model.predict(x, 32, 0);
                assertEquals(GoldenFiles.shape(golden.get("y_shape")), y.shape(), name + extension);
                assertArrayEquals(want, y.data(), 1e-5f, name + extension);
            }
        }
    }

    @Test
    void gradientsMatchNumerical() {
        LayerGradientCheck.check(Conv2D.builder(3, 2).dataFormat("channels_first").activation("tanh").build(),
                Shape.of(2, 5, 4), 2, 21, true);
        LayerGradientCheck.check(Conv2D.builder(2, 3).padding("same").activation("sigmoid").dataFormat("channels_first").build(),
                Shape.of(3, 4, 4), 2, 22, true);
        LayerGradientCheck.check(Conv1D.builder(3, 2).dataFormat("channels_first").build(), Shape.of(2, 6), 2, 23, true);
        LayerGradientCheck.check(new AveragePooling2D(new AveragePooling2D.Config(2, 2, 1, 1, "same", DataFormat.CHANNELS_FIRST)),
                Shape.of(2, 3, 4), 2, 24, true);
        LayerGradientCheck.check(new MaxPooling1D(new MaxPooling1D.Config(2, 1, "valid", DataFormat.CHANNELS_FIRST)),
                Shape.of(3, 5), 2, 25, true);
        LayerGradientCheck.check(new GlobalAveragePooling2D(new GlobalAveragePooling2D.Config(true, DataFormat.CHANNELS_FIRST)),
                Shape.of(3, 2, 4), 2, 26, true);
        LayerGradientCheck.check(new Flatten(new Flatten.Config(DataFormat.CHANNELS_FIRST)), Shape.of(3, 2, 4), 2, 27, true);
    }

    @Test
    void passesTheLayerContract() {
        LayerContract.check(() -> Conv2D.builder(4, 3).activation("relu").dataFormat("channels_first").build(),
                Shape.of(2, 6, 5), Shape.of(4, 4, 3), 3 * 3 * 2 * 4 + 4);
        LayerContract.check(() -> Conv1D.builder(3, 2).dataFormat("channels_first").build(),
                Shape.of(4, 7), Shape.of(3, 6), 2 * 4 * 3 + 3);
    }

    @Test
    void errorsShowTheShapeTheCallerGaveAndAxisOne() {
        Conv2D conv = (Conv2D) Conv2D.builder(4, 3).dataFormat("channels_first").build().named("cf");
        conv.build(Shape.of(3, 8, 8), false);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 1, 8, 8), false));
        assertTrue(channels.getMessage().contains("\"cf\"") && channels.getMessage().contains("axis 1")
                && channels.getMessage().contains("value 3") && channels.getMessage().contains("(None, 1, 8, 8)"),
                channels.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> conv.call(Tensor.zeros(2, 3, 8), false));
        assertTrue(rank.getMessage().contains("ndim=4") && rank.getMessage().contains("(None, 3, 8)"), rank.getMessage());
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class,
                () -> Conv2D.builder(4, 3).dataFormat("NCHW"));
        assertTrue(format.getMessage().contains("channels_first") && format.getMessage().contains("NCHW"), format.getMessage());
    }

    @Test
    void theDataFormatSurvivesKerasConfigs() {
        SeedGenerator.setGlobalSeed(5);
        Sequential model = new Sequential();
        model.add(Input.shape(1, 8, 8));
        model.add(Conv2D.builder(2, 3).dataFormat("channels_first").build());
        model.add(new MaxPooling2D(new MaxPooling2D.Config(2, 2, 2, 2, "valid", DataFormat.CHANNELS_FIRST)));
        model.add(new GlobalMaxPooling2D(new GlobalMaxPooling2D.Config(true, DataFormat.CHANNELS_FIRST)));
        model.add(new Flatten(new Flatten.Config(DataFormat.CHANNELS_FIRST)));
        String json = KerasConfig.modelToJson(model).toString();
        assertTrue(json.contains("\"data_format\":\"channels_first\""), json);
        Model back = KerasConfig.modelFromJson(json);
        assertEquals(KerasConfig.modelToJson(model).toString().replaceAll("\"name\":\"[a-z_0-9]+\"", ""),
                KerasConfig.modelToJson(back).toString().replaceAll("\"name\":\"[a-z_0-9]+\"", ""));
        Conv2D conv = (Conv2D) back.layers().get(0);
        assertEquals(DataFormat.CHANNELS_FIRST, conv.config().dataFormat());
        assertEquals(Shape.of(2, 6, 6), conv.outputShape(Shape.of(1, 8, 8)));
    }

    private static void copyWeights(BaseConv from, BaseConv to) {
        System.arraycopy(from.kernel().value().data(), 0, to.kernel().value().data(), 0, from.kernel().value().size());
        System.arraycopy(from.bias().value().data(), 0, to.bias().value().data(), 0, from.bias().value().size());
    }

    private static Tensor random(Shape shape, long seed) {
        Random r = new Random(seed);
        float[] data = new float[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextGaussian();
        }
        return new Tensor(shape, data);
    }

    /** numpy's transpose: output axis i is input axis {@code axes[i]}. */
    private static Tensor permute(Tensor x, int... axes) {
        return Transposition.apply(x, axes);
    }
}
