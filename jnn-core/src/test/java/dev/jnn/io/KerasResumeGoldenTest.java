package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Model;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training resumes exactly: Keras trained 2 epochs and saved (tools/golden/make_keras_resume_golden.py);
 * jnn loads the file, trains 1 more epoch and must reach the weights Keras reached (1e-5).
 */
class KerasResumeGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/keras_files");

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({"adam, keras", "adam, h5", "sgd_momentum, keras", "sgd_momentum, h5", "rmsprop, keras", "rmsprop, h5"})
    void resumesLikeKeras(String optimizer, String extension) throws Exception {
        JsonNode golden;
        try (InputStream in = java.nio.file.Files.newInputStream(DIR.resolve("resume_" + optimizer + ".json"))) {
            golden = new ObjectMapper().readTree(in);
        }
        Model model = Model.load(DIR.resolve("resume_" + optimizer + "." + extension));
        assertTrue(model.isCompiled());
        assertEquals(golden.get("iterations_saved").asLong(), model.optimizer().iterations());
        Tensor x = tensor(golden.get("x_shape"), golden.get("x"));
        Tensor y = tensor(golden.get("y_shape"), golden.get("y"));
        assertClose(floats(golden.get("predictions_saved")), model.predict(x, 32, 0).data(), 1e-5, "predictions on load");

        model.fit(x, y, FitOptions.builder().epochs(1).batchSize(golden.get("batch_size").asInt())
                .shuffle(false).verbose(0).build());
        List<float[]> weights = model.getWeights();
        JsonNode expected = golden.get("weights_after_one_more_epoch");
        assertEquals(expected.size(), weights.size());
        for (int i = 0; i < weights.size(); i++) {
            assertClose(floats(expected.get(i)), weights.get(i), 1e-5, "weight " + i + " after one more epoch");
        }
    }

    static void assertClose(float[] want, float[] got, double tolerance, String what) {
        assertEquals(want.length, got.length, what + ": size");
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(want[i] - got[i]));
        }
        assertTrue(worst <= tolerance, what + ": largest difference " + worst);
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Double.parseDouble(array.get(i).asText());
        }
        return out;
    }

    static Tensor tensor(JsonNode shape, JsonNode values) {
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i).asInt();
        }
        return new Tensor(Shape.of(dims), floats(values));
    }
}
