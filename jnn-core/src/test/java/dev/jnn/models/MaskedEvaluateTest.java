package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.data.Npy;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Keras-saved Embedding(mask_zero) → LSTM(return_sequences) → Dense(softmax) model evaluated on
 * zero-padded sequences: loss and accuracy average over the kept time steps only, as Keras 3.15.1's
 * evaluate does (tools/golden/make_masked_model_golden.py). With the mask ignored, accuracy would be
 * taken over all 112 positions instead of the 19 kept ones.
 */
class MaskedEvaluateTest {
    @Test
    void evaluateAveragesOverKeptTimeStepsLikeKeras() throws Exception {
        Path dir = Path.of(MaskedEvaluateTest.class.getResource("/golden/metrics/masked_model").toURI());
        JsonNode expected = GoldenFiles.read("/golden/metrics/masked_model/expected.json");
        Model model = Model.load(dir.resolve("model.keras"));
        Tensor x = Npy.read(dir.resolve("x.npy"));
        Tensor y = Npy.read(dir.resolve("y.npy"));
        Map<String, Double> logs = model.evaluate(x, y, expected.get("batch_size").asInt(), 0);
        assertEquals(expected.get("accuracy").asDouble(), logs.get("accuracy"), 1e-6, "accuracy");
        assertEquals(expected.get("loss").asDouble(), logs.get("loss"), 1e-5, "loss");
    }
}
