package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.models.Model;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Keras 3.15.1 models made of the layers added for real Keras files
 * (tools/golden/make_layers5_models.py), saved by Keras as .keras and .h5: jnn loads each with the
 * parameter count Keras reports and reproduces Keras's predictions to 1e-5, and the files jnn writes
 * from them load back to the same predictions.
 */
class Layers5ModelFilesTest {
    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> realKerasFilesReproduceKerasPredictions() {
        return List.of("image_preprocessing", "sequence_layers").stream()
                .flatMap(name -> List.of(".keras", ".h5").stream()
                        .map(ext -> DynamicTest.dynamicTest(name + ext, () -> check(name, ext))))
                .toList();
    }

    private void check(String name, String ext) throws Exception {
        JsonNode golden = GoldenFiles.read("/golden/layers5_models/" + name + ".json");
        Path file = Path.of(getClass().getResource("/golden/layers5_models/" + name + ext).toURI());
        Model model = Model.load(file);
        assertEquals(golden.get("params").asInt(), model.countParams(), name + ext + ": parameters");
        JsonNode x = golden.get("x").get(0);
        Tensor input = new Tensor(GoldenFiles.shape(x.get("shape")), GoldenFiles.floats(x.get("values")));
        float[] expected = GoldenFiles.floats(golden.at("/predictions/values"));
        GoldenFiles.assertClose(name + ext + " predictions", expected, model.predict(input, 32, 0).data(), 1e-5);
        for (String out : List.of(".keras", ".h5")) {
            Path written = tmp.resolve(name + "_jnn" + out);
            model.save(written);
            Model again = Model.load(written);
            GoldenFiles.assertClose(name + ext + " saved as " + out, expected, again.predict(input, 32, 0).data(), 1e-5);
        }
        // -Djnn.layers5.writeDir=DIR keeps jnn's files, for checking with real Keras (see make_layers5_models.py).
        String keep = System.getProperty("jnn.layers5.writeDir");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            for (String out : List.of(".keras", ".h5")) {
                Files.copy(tmp.resolve(name + "_jnn" + out), Path.of(keep, name + ext.replace('.', '_') + "_jnn" + out),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
