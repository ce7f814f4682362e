package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.layers.Bidirectional;
import dev.jnn.layers.Dense;
import dev.jnn.layers.GRU;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.RepeatVector;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasWeightsFileTest {
    @TempDir
    Path dir;

    @Test
    void snakeCaseIsKeras() {
        assertEquals("dense", KerasNames.snakeCase("Dense"));
        assertEquals("conv2d", KerasNames.snakeCase("Conv2D"));
        assertEquals("p_re_lu", KerasNames.snakeCase("PReLU"));
        assertEquals("re_lu", KerasNames.snakeCase("ReLU"));
        assertEquals("batch_normalization", KerasNames.snakeCase("BatchNormalization"));
        assertEquals("input_layer", KerasNames.snakeCase("InputLayer"));
        assertEquals("elu", KerasNames.snakeCase("ELU"));
        assertEquals("global_max_pooling2d", KerasNames.snakeCase("GlobalMaxPooling2D"));
        assertEquals("conv2d_transpose", KerasNames.snakeCase("Conv2DTranspose"));
    }

    @Test
    void pathsFollowSavingLib() {
        List<String> paths = WeightPaths.of(TestModels.functional()).stream()
                .map(e -> e.varsPath() + "=" + e.name() + ":" + e.variables().size()).toList();
        assertEquals(List.of("vars=functional:0", "layers/input_layer/vars=inp:0", "layers/dense/vars=dense:2",
                "layers/sequential/vars=sequential:0", "layers/sequential/layers/dense/vars=dense_1:2",
                "layers/sequential/layers/re_lu/vars=re_lu:0", "layers/sequential/layers/p_re_lu/vars=p_re_lu:1",
                "layers/sequential/layers/batch_normalization/vars=batch_normalization:4",
                "layers/dense_1/vars=dense_2:2"), paths);
    }

    @Test
    void recurrentPathsFollowSavingLib() {
        // As Keras 3.15.1 writes this model (h5py listing of its model.weights.h5): each direction of a
        // Bidirectional is an attribute with its own cell, and a cell is named after its class.
        Model m = new Sequential("recurrent", Input.shape(6, 3), new GRU(4).named("my_gru"),
                new RepeatVector(2).named("again"), new Bidirectional(new LSTM(3).named("lstm")).named("both"));
        List<String> paths = WeightPaths.of(m).stream()
                .map(e -> e.varsPath() + "=" + e.name() + ":" + e.variables().size()).toList();
        assertEquals(List.of("vars=recurrent:0", "layers/gru/vars=my_gru:0", "layers/gru/cell/vars=gru_cell:3",
                "layers/repeat_vector/vars=again:0", "layers/bidirectional/vars=both:0",
                "layers/bidirectional/forward_layer/vars=forward_lstm:0",
                "layers/bidirectional/forward_layer/cell/vars=lstm_cell:3",
                "layers/bidirectional/backward_layer/vars=backward_lstm:0",
                "layers/bidirectional/backward_layer/cell/vars=lstm_cell:3"), paths);
    }

    @Test
    void kerasLayoutRoundTrip() throws Exception {
        roundTrip(TestModels::sequential, "s.weights.h5");
        roundTrip(TestModels::functional, "f.weights.h5");
    }

    @Test
    void weightsOnlyFilesKeepTheOptimizerStateAsKeras3Does() throws Exception {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {0, 1, 0}, {2, 0, 1}, {1, 1, 1}});
        Tensor y = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}});
        Model trained = new Sequential("s", Input.shape(3), new Dense(2).named("d"));
        trained.compile("mse", new Adam(0.01f));
        trained.fit(x, y, dev.jnn.models.FitOptions.builder().epochs(3).batchSize(2).verbose(0).build());
        Path file = dir.resolve("t.weights.h5");
        trained.saveWeights(file);
        try (H5File h5 = H5File.open(file)) {
            assertTrue(h5.isGroup("optimizer/vars"), "Keras 3's save_weights writes optimizer/vars");
        }
        // an optimizer with its variables takes the state, as in Keras
        Model built = new Sequential("s", Input.shape(3), new Dense(2).named("d"));
        built.compile("mse", new Adam(0.01f));
        built.fit(x, y, dev.jnn.models.FitOptions.builder().epochs(1).batchSize(4).verbose(0).build());
        built.loadWeights(file);
        assertEquals(6, built.optimizer().iterations());
        // an unbuilt optimizer stays fresh
        Model fresh = new Sequential("s", Input.shape(3), new Dense(2).named("d"));
        fresh.compile("mse", new Adam(0.01f));
        fresh.loadWeights(file);
        assertEquals(0, fresh.optimizer().iterations());
        assertArrayEquals(trained.getWeights().get(0), fresh.getWeights().get(0));
    }

    @Test
    void legacyLayoutRoundTrip() throws Exception {
        roundTrip(TestModels::sequential, "s.h5");
        roundTrip(TestModels::functional, "f.h5");
    }

    private void roundTrip(Supplier<Model> factory, String name) throws Exception {
        Model a = factory.get();
        TestModels.scramble(a, 1);
        Path file = dir.resolve(name);
        KerasFiles.saveWeights(a, file);
        Model b = factory.get();
        TestModels.scramble(b, 2);
        KerasFiles.loadWeights(b, file);
        List<float[]> wa = a.getWeights();
        List<float[]> wb = b.getWeights();
        assertEquals(wa.size(), wb.size());
        for (int i = 0; i < wa.size(); i++) {
            assertArrayEquals(wa.get(i), wb.get(i), name + " weight " + i);
        }
    }

    @Test
    void wrongShapeNamesLayerAndBothShapesAndChangesNothing() throws Exception {
        Model a = new Sequential("s", Input.shape(3), new Dense(4).named("d1"), new Dense(2).named("d2"));
        Path file = dir.resolve("a.weights.h5");
        KerasFiles.saveWeights(a, file);
        Model b = new Sequential("s", Input.shape(3), new Dense(4).named("d1"), new Dense(5).named("d2"));
        List<float[]> before = b.getWeights();
        KerasFileException e = assertThrows(KerasFileException.class, () -> KerasFiles.loadWeights(b, file));
        assertTrue(e.getMessage().contains("d2") && e.getMessage().contains("(4, 5)") && e.getMessage().contains("(4, 2)"),
                e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), b.getWeights().get(i));
        }
    }

    @Test
    void optimizerStateRoundTrips() throws Exception {
        Model a = TestModels.functional();   // no dropout: both runs must draw nothing random
        a.compile(dev.jnn.losses.Losses.get("mse"), new Adam(0.01f));
        float[][] x = {{1, 2, 3}, {0, 1, 0}, {2, 2, 2}, {-1, 0, 1}};
        float[][] y = {{1}, {0}, {2}, {-1}};
        a.fit(x, y, dev.jnn.models.FitOptions.builder().epochs(2).batchSize(2).shuffle(false).verbose(0).build());
        H5Tree tree = new H5Tree();
        KerasWeightsFile.write(a, tree, true);
        Path file = dir.resolve("o.weights.h5");
        tree.write(file);

        Model b = TestModels.functional();
        b.compile(dev.jnn.losses.Losses.get("mse"), new Adam(0.01f));
        try (H5File h5 = H5File.open(file)) {
            KerasWeightsFile.read(b, h5, true);
        }
        assertEquals(a.optimizer().iterations(), b.optimizer().iterations());
        List<Tensor> va = a.optimizer().variables();
        List<Tensor> vb = b.optimizer().variables();
        for (int i = 0; i < va.size(); i++) {
            assertArrayEquals(va.get(i).data(), vb.get(i).data(), a.optimizer().variableNames().get(i));
        }
        a.fit(x, y, dev.jnn.models.FitOptions.builder().epochs(1).batchSize(2).shuffle(false).verbose(0).build());
        b.fit(x, y, dev.jnn.models.FitOptions.builder().epochs(1).batchSize(2).shuffle(false).verbose(0).build());
        for (int i = 0; i < a.getWeights().size(); i++) {
            assertArrayEquals(a.getWeights().get(i), b.getWeights().get(i), "after resuming, weight " + i);
        }
        assertTrue(Files.size(file) > 0);
    }
}
