package dev.jnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.data.Datasets;
import dev.jnn.data.Npy;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other data sources and model forms of a spec: NPY, IDX, a named dataset, Keras's own layer form. */
class TrainDataSourcesTest {
    @TempDir
    Path dir;

    private JsonNode train(String name, String spec) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, spec);
        CliRun run = CliRun.of("train", file.toString(), "--output", dir.resolve(name + ".out").toString());
        assertEquals(0, run.status(), run.err());
        return new ObjectMapper().readTree(dir.resolve(name + ".out/summary.json").toFile());
    }

    @Test
    void npyRegressionWithATestSplitAndKerasLayerForm() throws Exception {
        int n = 64;
        float[] x = new float[n * 3];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) Math.sin(i * 0.7 + j);
            }
            y[i] = 2 * x[i * 3] - x[i * 3 + 2] + 0.5f;
        }
        Npy.write(dir.resolve("x.npy"), new Tensor(Shape.of(n, 3), x));
        Npy.write(dir.resolve("y.npy"), new Tensor(Shape.of(n, 1), y));
        JsonNode summary = train("npy.json", """
                {"model": {"input": [3], "layers": [{"class_name": "Dense", "config": {"units": 1}}]},
                 "data": {"npy": {"x": "x.npy", "y": "y.npy"}, "test_split": 0.25, "seed": 5},
                 "compile": {"loss": "mse", "optimizer": {"class_name": "SGD", "config": {"learning_rate": 0.1}},
                             "metrics": ["mae"]},
                 "fit": {"epochs": 40, "batch_size": 8, "verbose": 0}}
                """);
        assertTrue(summary.get("final").get("loss").asDouble() < 0.05, summary.toString());
        assertTrue(summary.get("test").has("mae"), summary.toString());
    }

    @Test
    void idxImagesThroughFlattenWithOneHotLabels() throws Exception {
        int n = 40;
        byte[] images = new byte[n * 4];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            images[i * 4 + (i % 2 == 0 ? 0 : 3)] = (byte) 200;   // class 0 lights the first pixel, class 1 the last
        }
        Files.write(dir.resolve("images.idx"), idx(0x08, new int[] {n, 2, 2}, images));
        Files.write(dir.resolve("labels.idx"), idx(0x08, new int[] {n}, labels));
        JsonNode summary = train("idx.yaml", """
                model: {input: [2, 2], layers: [{class_name: Flatten}, {dense: 2, activation: softmax}]}
                data: {idx: {images: images.idx, labels: labels.idx}, normalize: 255, one_hot: true}
                compile: {loss: categorical_crossentropy, optimizer: {name: adam, learning_rate: 0.1}, metrics: [accuracy]}
                fit: {epochs: 15, batch_size: 8, verbose: 0}
                """);
        assertEquals(1.0, summary.get("final").get("accuracy").asDouble(), summary.toString());
    }

    @Test
    void aNamedDatasetFromJnnData() throws Exception {
        assumeTrue(Datasets.available("sklearn/iris.csv"), "Iris not found under " + Datasets.dir());
        JsonNode summary = train("named.yaml", """
                model: {input: [4], layers: [{dense: 3, activation: softmax}]}
                data: {dataset: iris, test_split: 0.2, standardize: true, limit: 100}
                compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}
                fit: {epochs: 2, verbose: 0}
                """);
        assertEquals(2, summary.get("epochs").asInt());
        assertTrue(summary.get("test").has("accuracy"));
    }

    @Test
    void progressIsKerasStyle() throws Exception {
        CliRun.resource("iris.csv", dir);
        Path spec = dir.resolve("p.yaml");
        Files.writeString(spec, """
                model: {input: [4], layers: [{dense: 3, activation: softmax}]}
                data: {csv: {path: iris.csv, label: species}}
                compile: {loss: sparse_categorical_crossentropy, metrics: [accuracy]}
                fit: {epochs: 2}
                """);
        CliRun run = CliRun.of("train", spec.toString(), "--verbose", "2", "--output", dir.resolve("p").toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("Epoch 1/2") && lines.contains("Epoch 2/2"), run.out());
        assertTrue(run.out().contains(" - accuracy: ") && run.out().contains(" - loss: "), run.out());
    }

    /** An IDX file: two zero bytes, the type, the rank, big-endian dimensions, then the data. */
    private static byte[] idx(int type, int[] dims, byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(type);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }
}
