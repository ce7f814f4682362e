package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.models.Model;
import dev.jnn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Files jnn wrote, read by real Keras: {@link #writeFiles} (run on demand) writes them with jnn's
 * predictions under src/test/resources/keras_interop; tools/keras_interop/verify_jnn_files.py loads
 * each one in Keras 3, predicts and records the comparison in results.json, which is committed.
 */
class KerasInteropTest {
    static final Path DIR = Path.of("src/test/resources/keras_interop");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code -Djnn.writeInterop=true}: regenerates the files (then rerun the Python script). */
    @Test
    @EnabledIfSystemProperty(named = "jnn.writeInterop", matches = "true")
    void writeFiles() throws Exception {
        for (KerasInteropFiles.Case c : KerasInteropFiles.CASES) {
            Model m = KerasInteropFiles.trained(c);
            m.save(DIR.resolve(c.name() + ".keras"));
            m.save(DIR.resolve(c.name() + ".h5"));
            m.saveWeights(DIR.resolve(c.name() + ".weights.h5"));
            m.saveWeights(DIR.resolve(c.name() + ".legacy.h5"));
            ObjectNode doc = predictions(c, m);
            if (m.optimizer() != null) {
                doc.put("optimizer_iterations", m.optimizer().iterations());
                ArrayNode vars = doc.putArray("optimizer_variables");
                for (Tensor v : m.optimizer().variables()) {
                    vars.add(floats(v.data()));
                }
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(DIR.resolve(c.name() + ".json").toFile(), doc);
        }
        for (KerasInteropFiles.Case c : KerasInteropFiles.WEIGHTS_ONLY_CASES) {
            Model m = KerasInteropFiles.trained(c);
            m.saveWeights(DIR.resolve(c.name() + ".weights.h5"));
            m.saveWeights(DIR.resolve(c.name() + ".legacy.h5"));
            ObjectNode doc = predictions(c, m);
            doc.put("weights_only", true);
            JSON.writerWithDefaultPrettyPrinter().writeValue(DIR.resolve(c.name() + ".json").toFile(), doc);
        }
    }

    /** The case's name, its fixed inputs ({@code inputs}) and jnn's predictions for them ({@code outputs}). */
    private static ObjectNode predictions(KerasInteropFiles.Case c, Model m) {
        List<Tensor> xs = KerasInteropFiles.inputs(c, 5, 99);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", c.name());
        doc.set("inputs", arrays(xs));
        doc.set("outputs", arrays(m.predictAll(xs, 32, 0)));
        return doc;
    }

    private static ArrayNode arrays(List<Tensor> tensors) {
        ArrayNode out = JSON.createArrayNode();
        for (Tensor t : tensors) {
            ObjectNode a = out.addObject();
            a.set("shape", JSON.valueToTree(t.shape().dims()));
            a.set("data", floats(t.data()));
        }
        return out;
    }

    private static List<Tensor> tensors(JsonNode arrays) {
        List<Tensor> out = new java.util.ArrayList<>();
        for (JsonNode a : arrays) {
            out.add(KerasResumeGoldenTest.tensor(a.get("shape"), a.get("data")));
        }
        return out;
    }

    /** jnn's predictions for the document's inputs match the document's outputs, output by output. */
    private static void assertPredicts(JsonNode doc, Model m, String what) {
        List<Tensor> got = m.predictAll(tensors(doc.get("inputs")), 32, 0);
        List<Tensor> want = tensors(doc.get("outputs"));
        assertEquals(want.size(), got.size(), what + ": outputs");
        for (int k = 0; k < want.size(); k++) {
            assertEquals(want.get(k).shape(), got.get(k).shape(), what + " output " + k);
            KerasResumeGoldenTest.assertClose(want.get(k).data(), got.get(k).data(), 1e-6, what + " output " + k);
        }
    }

    @Test
    void kerasReadEveryFileJnnWrote() throws Exception {
        JsonNode results = JSON.readTree(DIR.resolve("results.json").toFile());
        assertTrue(results.get("keras_version").asText().startsWith("3."), "results come from Keras 3");
        Set<String> checked = new HashSet<>();
        for (JsonNode r : results.get("files")) {
            assertTrue(r.get("ok").asBoolean(), "Keras could not use " + r);
            assertTrue(r.get("max_abs_diff").asDouble() <= 1e-5, r.toString());
            checked.add(r.get("file").asText());
        }
        for (KerasInteropFiles.Case c : KerasInteropFiles.CASES) {
            for (String suffix : List.of(".keras", ".h5", ".weights.h5", ".legacy.h5")) {
                assertTrue(checked.contains(c.name() + suffix), "Keras did not check " + c.name() + suffix);
            }
        }
        for (KerasInteropFiles.Case c : KerasInteropFiles.WEIGHTS_ONLY_CASES) {
            for (String suffix : List.of(".weights.h5", ".legacy.h5")) {
                assertTrue(checked.contains(c.name() + suffix), "Keras did not check " + c.name() + suffix);
            }
        }
    }

    @Test
    void jnnStillReadsItsOwnFiles() throws Exception {
        for (KerasInteropFiles.Case c : KerasInteropFiles.CASES) {
            JsonNode doc = JSON.readTree(DIR.resolve(c.name() + ".json").toFile());
            for (String suffix : List.of(".keras", ".h5")) {
                Model m = Model.load(DIR.resolve(c.name() + suffix));
                assertPredicts(doc, m, c.name() + suffix);
                if (doc.has("optimizer_iterations")) {
                    assertEquals(doc.get("optimizer_iterations").asLong(), m.optimizer().iterations(), c.name() + suffix);
                    List<Tensor> vars = m.optimizer().variables();
                    for (int i = 0; i < vars.size(); i++) {
                        KerasResumeGoldenTest.assertClose(KerasResumeGoldenTest.floats(doc.get("optimizer_variables").get(i)),
                                vars.get(i).data(), 0, c.name() + suffix + " optimizer variable " + i);
                    }
                }
            }
            for (String suffix : List.of(".weights.h5", ".legacy.h5")) {
                Model m = c.model().get();
                m.loadWeights(DIR.resolve(c.name() + suffix));
                assertPredicts(doc, m, c.name() + suffix);
            }
        }
    }

    @Test
    void jnnRereadsItsWeightsOnlyFiles() throws Exception {
        for (KerasInteropFiles.Case c : KerasInteropFiles.WEIGHTS_ONLY_CASES) {
            JsonNode doc = JSON.readTree(DIR.resolve(c.name() + ".json").toFile());
            for (String suffix : List.of(".weights.h5", ".legacy.h5")) {
                Model m = c.model().get();
                m.loadWeights(DIR.resolve(c.name() + suffix));
                assertPredicts(doc, m, c.name() + suffix);
            }
        }
    }

    private static ArrayNode floats(float[] values) {
        ArrayNode out = JSON.createArrayNode();
        for (float v : values) {
            out.add(Float.toString(v));
        }
        return out;
    }
}
