package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.DataFormat;
import dev.jnn.models.Model;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Keras 1 / Theano convolution files (tools/golden/make_legacy_conv_golden.py: Keras 1.2.2's layout, the
 * expected predictions from the same network in Keras 3) load with Keras 2's kernel conversions.
 */
class LegacyConvKernelsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/legacy_conv");

    @ParameterizedTest
    @ValueSource(strings = {"theano_conv2d_th", "theano_conv1d"})
    void theanoEraFilesReproduceTheNetwork(String name) throws Exception {
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve(name + ".json").toFile());
        Model model = Model.load(GOLDEN.resolve(name + ".h5"));
        Tensor y = model.predict(new Tensor(GoldenFiles.shape(golden.get("x_shape")), GoldenFiles.floats(golden.get("x"))), 32, 0);
        assertEquals(GoldenFiles.shape(golden.get("y_shape")), y.shape());
        assertArrayEquals(GoldenFiles.floats(golden.get("y")), y.data(), 1e-5f);
    }

    @Test
    void dimOrderingThIsChannelsFirst() throws Exception {
        Model model = Model.load(GOLDEN.resolve("theano_conv2d_th.h5"));
        assertEquals(DataFormat.CHANNELS_FIRST, ((Conv2D) model.layers().get(0)).config().dataFormat());
    }

    @Test
    void transposeIsNumpys() {
        WeightArray a = new WeightArray(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        WeightArray t = LegacyConvKernels.transpose(a, 1, 0);
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t.data());
    }

    @Test
    void flipReversesEverySpatialAxisOnly() {
        // (2, 2, 1, 2): spatial 2×2, then in=1, out=2
        WeightArray k = new WeightArray(new int[] {2, 2, 1, 2}, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertArrayEquals(new float[] {7, 8, 5, 6, 3, 4, 1, 2}, LegacyConvKernels.flipSpatial(k).data());
        WeightArray k1 = new WeightArray(new int[] {3, 1, 1}, new float[] {1, 2, 3});
        assertArrayEquals(new float[] {3, 2, 1}, LegacyConvKernels.flipSpatial(k1).data());
    }

    @Test
    void keras2TensorFlowKernelsAreLeftAlone() {
        List<WeightArray> w = List.of(new WeightArray(new int[] {2, 2, 1, 2}, new float[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals(w, LegacyConvKernels.convert("Conv2D", false, Shape.of(2, 2, 1, 2), w, false, false));
    }
}
