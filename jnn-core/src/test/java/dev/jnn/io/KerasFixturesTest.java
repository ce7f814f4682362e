package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Npy;
import dev.jnn.models.Model;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per real Keras file of /work/shared/keras-fixtures (skipped when the folder is absent):
 * the model loads with the parameter count its weights imply and reproduces Keras's stored predictions
 * to 1e-4, or it is refused with an error naming the unsupported Keras feature and the file.
 */
class KerasFixturesTest {
    static final Path FIXTURES = Path.of(System.getProperty("jnn.kerasFixtures", "/work/shared/keras-fixtures"));
    private static final double TOLERANCE = 1e-4;

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        Path manifest = FIXTURES.resolve("manifest.json");
        assumeTrue(Files.isRegularFile(manifest), "no Keras fixtures at " + FIXTURES);
        JsonNode fixtures = new ObjectMapper().readTree(manifest.toFile());
        assertEquals(29, fixtures.size(), "fixture count");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : fixtures) {
            String name = f.get("fixture").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(name, f)));
        }
        return tests.stream();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private void check(String name, JsonNode f) throws Exception {
        Path dir = FIXTURES.resolve(name);
        String modelFile = text(f, "model_file");
        String configFile = text(f, "config_json");
        String weightsFile = text(f, "weights_file");
        String refused = FixtureExpectations.REFUSED.get(name);

        List<Model> loaded = new ArrayList<>();
        if (modelFile != null) {
            Path file = dir.resolve(modelFile);
            if (refused != null) {
                expectRefused(refused, file, () -> KerasFiles.load(file, false));
            } else {
                Model model = KerasFiles.load(file, false);
                assertEquals(impliedParameterCount(file), model.countParams(), name + ": parameter count");
                loaded.add(model);
                checkCompile(name, file);
            }
        }
        if (configFile != null && weightsFile != null) {
            Path config = dir.resolve(configFile);
            Path weights = dir.resolve(weightsFile);
            if (refused != null) {
                expectRefused(refused, config, () -> KerasFiles.load(config, weights));
            } else {
                Model model = KerasFiles.load(config, weights);
                assertEquals(impliedParameterCount(weights), model.countParams(), name + ": parameter count");
                loaded.add(model);
            }
        } else if (configFile != null && refused != null && modelFile == null) {
            Path config = dir.resolve(configFile);
            // Architecture only (model_from_json): no file name is involved in the error.
            IllegalArgumentException e = assertThrows(UnsupportedKerasFeatureException.class,
                    () -> Model.fromJson(Files.readString(config)));
            assertTrue(e.getMessage().contains(refused), e.getMessage());
        } else if (configFile != null && modelFile == null && weightsFile == null) {
            // Architecture only: it must build, with weights of some count (there is no file to compare with).
            Model model = Model.fromJson(Files.readString(dir.resolve(configFile)));
            assertTrue(model.countParams() > 0, name + ": the architecture has weights");
            loaded.add(model);
        }
        JsonNode expected = f.get("expected");
        if (expected != null && !expected.isNull() && refused == null) {
            assertTrue(!loaded.isEmpty(), name + ": expected outputs but no model loaded");
            Tensor[] io = expectedIo(dir, expected);
            for (Model model : loaded) {
                Tensor x = io[0];
                Shape sample = model.inputShape();
                Tensor input = new Tensor(batchOf(sample, x.data().length), x.data());
                Tensor y = model.predict(input, 32, 0);
                float[] want = io[1].data();
                float[] got = y.data();
                assertEquals(want.length, got.length, name + ": output size");
                double worst = 0;
                for (int i = 0; i < want.length; i++) {
                    worst = Math.max(worst, Math.abs(want[i] - got[i]));
                }
                assertTrue(worst <= TOLERANCE, name + ": largest difference from Keras's predictions " + worst);
                System.out.println("fixture " + name + ": " + model.countParams() + " params, " + want.length
                        + " predicted values, max abs diff " + worst);
            }
        } else if (refused == null) {
            System.out.println("fixture " + name + ": loaded, " + (loaded.isEmpty() ? "-" : loaded.get(0).countParams())
                    + " params, no stored predictions");
        } else {
            System.out.println("fixture " + name + ": refused, naming " + refused);
        }
    }

    private static void checkCompile(String name, Path file) throws IOException {
        String word = FixtureExpectations.COMPILE_REFUSED.get(name);
        if (word == null) {
            Model compiled = KerasFiles.load(file);
            assertTrue(compiled.countParams() > 0);
        } else {
            expectRefused(word, file, () -> KerasFiles.load(file));
        }
    }

    private static void expectRefused(String word, Path file, org.junit.jupiter.api.function.Executable load) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, load, file.toString());
        assertTrue(e instanceof UnsupportedKerasFeatureException, "expected UnsupportedKerasFeatureException, got " + e);
        assertTrue(e.getMessage().contains(word), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), "message should name the file: " + e.getMessage());
    }

    private static Shape batchOf(Shape sample, int total) {
        int per = 1;
        int[] dims = new int[sample.rank() + 1];
        for (int i = 0; i < sample.rank(); i++) {
            dims[i + 1] = sample.dim(i);
            per *= sample.dim(i);
        }
        dims[0] = total / per;
        return Shape.of(dims);
    }

    /** {input, expected output} of a fixture, whatever the form it stores them in. */
    private static Tensor[] expectedIo(Path dir, JsonNode expected) throws IOException {
        String format = text(expected, "format");
        switch (format) {
            case "hdf5" -> {
                try (H5File h5 = H5File.open(dir.resolve(text(expected, "file")))) {
                    return new Tensor[] {flat(h5.read(text(expected, "input"))), flat(h5.read(text(expected, "expected")))};
                }
            }
            case "npy" -> {
                return new Tensor[] {Npy.read(dir.resolve(text(expected, "input"))), Npy.read(dir.resolve(text(expected, "expected")))};
            }
            case "text" -> {
                return new Tensor[] {dat(dir.resolve(text(expected, "input"))), dat(dir.resolve(text(expected, "expected")))};
            }
            default -> throw new IllegalStateException("unknown expected format " + format);
        }
    }

    private static Tensor flat(WeightArray a) {
        return Tensor.of(a.data());
    }

    private static Tensor dat(Path file) throws IOException {
        List<Float> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            for (String token : line.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    values.add(Float.parseFloat(token));
                }
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return Tensor.of(out);
    }

    /** The number of scalar weights the file stores for the model (optimizer state not counted). */
    static long impliedParameterCount(Path file) throws IOException {
        if (KerasFormat.detect(file) == KerasFormat.KERAS_ZIP) {
            KerasZip.Contents c = KerasZip.read(file);
            try (H5File h5 = H5File.open(file, file.toString(), c.weights(), c.weights().length)) {
                return countUnder(h5, "layers");
            }
        }
        try (H5File h5 = H5File.open(file)) {
            String group = h5.isGroup("model_weights") ? "model_weights" : "";
            long n = 0;
            for (String layer : h5.stringListAttribute(group, "layer_names")) {
                String g = group.isEmpty() ? layer : group + "/" + layer;
                for (String w : h5.stringListAttribute(g, "weight_names")) {
                    n += h5.read(g + "/" + w).data().length;
                }
            }
            return n;
        }
    }

    private static long countUnder(H5File h5, String path) throws IOException {
        long n = 0;
        for (String child : h5.children(path)) {
            String p = path + "/" + child;
            n += h5.isGroup(p) ? countUnder(h5, p) : h5.read(p).data().length;
        }
        return n;
    }
}
