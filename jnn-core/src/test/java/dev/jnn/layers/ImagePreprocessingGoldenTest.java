package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.io.KerasConfig;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.testing.LayerGradientCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The training transform of the augmentation layers against Keras's own (make_layers5_golden.py calls
 * the Keras layer's {@code transform_images} with the same drawn numbers): jnn's layer, read from
 * Keras's config, with its draws fixed to those numbers gives Keras's output, and Keras's gradient
 * where TensorFlow's is exact; for the affine layers (whose TensorFlow gradient is an inverse warp,
 * not the derivative) the gradient is checked by central differences instead.
 */
class ImagePreprocessingGoldenTest {
    @TestFactory
    List<DynamicTest> trainingTransformsMatchKeras() throws Exception {
        Path dir = Path.of(getClass().getResource("/golden/layers5").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                JsonNode golden = GoldenFiles.read("/golden/layers5/" + p.getFileName());
                if (golden.has("train")) {
                    tests.add(DynamicTest.dynamicTest(golden.get("case").asText(), () -> check(golden)));
                }
            }
        }
        assertTrue(tests.size() >= 15, "found " + tests.size() + " training cases");
        return tests;
    }

    private static void check(JsonNode golden) {
        String name = golden.get("case").asText();
        RandomImageLayer layer = (RandomImageLayer) KerasConfig.modelFromJson(golden.get("config")).layers().get(0);
        JsonNode train = golden.get("train");
        float[] params = GoldenFiles.floats(train.get("params"));
        if (params.length > 0) {
            layer.fixParameters(params);
        }
        Tensor x = new Tensor(GoldenFiles.shape(golden.at("/x/shape")), GoldenFiles.floats(golden.at("/x/values")));
        x.markRequiresGrad();
        x.zeroGrad();
        Tensor y;
        try (GradientTape tape = GradientTape.open()) {
            y = layer.call(x, true);
            for (int i = 0; i < y.size(); i++) {
                y.grad()[i] = 2 * y.data()[i];
            }
            tape.backward();
        }
        assertEquals(GoldenFiles.shape(train.at("/y/shape")), y.shape(), name + ": training output shape");
        GoldenFiles.assertClose(name + " training y", GoldenFiles.floats(train.at("/y/values")), y.data(), 1e-5);
        if (train.has("grad_x")) {
            // RandomContrast's gradient subtracts the channel's mean gradient: float32 cancellation in either
            // implementation is relative to the largest gradient, so the tolerance is too.
            float[] expected = GoldenFiles.floats(train.get("grad_x"));
            double scale = 1;
            for (float e : expected) {
                scale = Math.max(scale, Math.abs(e));
            }
            GoldenFiles.assertClose(name + " training grad x", expected, x.grad(), 1e-5 * scale);
        } else {
            Shape sample = x.shape().withoutBatch();
            LayerGradientCheck.check(layer, sample, x.shape().dim(0), 7, true);
        }
    }
}
