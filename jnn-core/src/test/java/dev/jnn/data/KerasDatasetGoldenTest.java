package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Dataset operations against Keras 3 (tools/golden/make_data_keras_golden.py). */
class KerasDatasetGoldenTest {
    private static JsonNode golden() throws IOException {
        try (InputStream in = KerasDatasetGoldenTest.class.getResourceAsStream("/golden/data/keras_dataset.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void standardizationMatchesKerasNormalizationAdapt() throws IOException {
        JsonNode g = golden();
        int f = g.get("features").asInt();
        float[] train = Golden.floats(g.get("train"));
        float[] test = Golden.floats(g.get("test"));
        Standardization st = Standardization.fit(new Tensor(Shape.of(train.length / f, f), train));
        assertClose(Golden.floats(g.get("train_out")), st.apply(new Tensor(Shape.of(train.length / f, f), train)).data());
        assertClose(Golden.floats(g.get("test_out")), st.apply(new Tensor(Shape.of(test.length / f, f), test)).data());
    }

    @Test
    void oneHotMatchesToCategorical() throws IOException {
        JsonNode g = golden();
        int[] labels = Golden.ints(g.get("labels"));
        Dataset d = new Dataset(Tensor.zeros(labels.length, 1), Tensor.ofLabels(labels));
        assertArrayEquals(Golden.floats(g.get("one_hot")), d.oneHot(3).y().data());
    }

    @Test
    void splitSizesMatchValidationSplit() throws IOException {
        for (JsonNode s : golden().get("splits")) {
            Dataset d = new Dataset(Tensor.zeros(s.get("n").asInt(), 1), Tensor.zeros(s.get("n").asInt()));
            Dataset.Split split = d.split(s.get("fraction").asDouble());
            assertEquals(s.get("train").asInt(), split.train().size(), s.toString());
            assertEquals(s.get("validation").asInt(), split.validation().size(), s.toString());
        }
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, "element " + i);
        }
    }
}
