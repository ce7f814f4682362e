package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.io.KerasConfig;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keras's data_format="channels_first" on Conv1D and Conv2D. */
class ChannelsFirstConvTest {
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
    void gradientsMatchNumerical() {
        LayerGradientCheck.check(Conv2D.builder(3, 2).dataFormat("channels_first").activation("tanh").build(),
                Shape.of(2, 5, 4), 2, 21, true);
        LayerGradientCheck.check(Conv2D.builder(2, 3).padding("same").activation("relu").dataFormat("channels_first").build(),
                Shape.of(3, 4, 4), 2, 22, true);
        LayerGradientCheck.check(Conv1D.builder(3, 2).dataFormat("channels_first").build(), Shape.of(2, 6), 2, 23, true);
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
        model.add(new Flatten());
        String json = KerasConfig.modelToJson(model).toString();
        assertTrue(json.contains("\"data_format\":\"channels_first\""), json);
        Model back = KerasConfig.modelFromJson(json);
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
        Shape in = x.shape();
        int rank = in.rank();
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = in.dim(axes[i]);
        }
        int[] inStrides = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; a--) {
            inStrides[a] = s;
            s *= in.dim(a);
        }
        float[] out = new float[x.size()];
        int[] index = new int[rank];
        for (int j = 0; j < out.length; j++) {
            int offset = 0;
            for (int i = 0; i < rank; i++) {
                offset += index[i] * inStrides[axes[i]];
            }
            out[j] = x.data()[offset];
            for (int a = rank - 1; a >= 0; a--) {
                if (++index[a] < outDims[a]) {
                    break;
                }
                index[a] = 0;
            }
        }
        return new Tensor(Shape.of(outDims), out);
    }
}
