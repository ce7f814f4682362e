package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.layers.Dense;
import dev.jnn.layers.GRU;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.LayerNames;
import dev.jnn.layers.RecurrentLayer;
import dev.jnn.tensor.InferencePass;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict packs each Dense kernel and recurrent kernel once per call ({@link InferencePass}) and reuses
 * it for every batch.
 * These tests change the weights between predict calls in every way a user can and fail if a later
 * predict still multiplies by the kernel packed before the change; and check that predictions are
 * the same bits as a plain forward pass, batch by batch.
 */
class PackedWeightsCacheTest {
    private static final int FEATURES = 37;

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    private static Sequential model() {
        SeedGenerator.setGlobalSeed(3);
        var model = new Sequential();
        model.add(Input.shape(FEATURES));
        model.add(new Dense(45, "relu"));
        model.add(new Dense(19, "sigmoid"));
        model.add(new Dense(3));
        return model;
    }

    private static Tensor inputs(int rows, long seed) {
        var random = new SplittableRandom(seed);
        float[] data = new float[rows * FEATURES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-1, 1);
        }
        return new Tensor(Shape.of(rows, FEATURES), data);
    }

    private static Tensor targets(int rows, long seed) {
        var random = new SplittableRandom(seed);
        float[] data = new float[rows * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return new Tensor(Shape.of(rows, 3), data);
    }

    /** The model's forward pass outside any inference pass (no packed kernels), batch by batch. */
    private static float[] plainForward(Sequential model, Tensor x, int batchSize) {
        int rows = x.rows();
        float[] out = null;
        for (int from = 0; from < rows; from += batchSize) {
            int to = Math.min(rows, from + batchSize);
            StepScope scope = new StepScope().begin();
            try {
                Tensor y = model.call(x.sliceRows(from, to), false);
                if (out == null) {
                    out = new float[rows * y.rowSize()];
                }
                System.arraycopy(y.data(), 0, out, from * y.rowSize(), y.size());
            } finally {
                scope.end();
            }
        }
        return out;
    }

    private static void assertPredictIsPlainForward(Sequential model, Tensor x, int batchSize, String what) {
        assertEquals(0, InferencePass.current(), "no pass may stay open after predict");
        float[] predicted = model.predict(x, batchSize).data();
        assertArrayEquals(plainForward(model, x, batchSize), predicted, what);
    }

    @Test
    void predictIsTheForwardPassBitForBit() {
        Sequential model = model();
        Tensor x = inputs(70, 1);
        model.build(List.of(Shape.of(FEATURES)));
        for (int batchSize : new int[] {1, 7, 32, 70, 100}) {
            assertPredictIsPlainForward(model, x, batchSize, "batch size " + batchSize);
        }
    }

    @Test
    void setWeightsBetweenPredictsIsSeen() {
        Sequential model = model();
        Tensor x = inputs(50, 2);
        float[] before = model.predict(x, 16).data();
        List<float[]> weights = new ArrayList<>();
        for (float[] w : model.getWeights()) {
            float[] changed = w.clone();
            for (int i = 0; i < changed.length; i++) {
                changed[i] = changed[i] * -1.5f + 0.01f;
            }
            weights.add(changed);
        }
        model.setWeights(weights);
        float[] after = model.predict(x, 16).data();
        assertFalse(java.util.Arrays.equals(before, after), "predict must see the new weights");
        assertPredictIsPlainForward(model, x, 16, "after setWeights");
    }

    @Test
    void writesToTheKernelArrayBetweenPredictsAreSeen() {
        Sequential model = model();
        Tensor x = inputs(40, 3);
        float[] before = model.predict(x, 8).data();
        Dense first = (Dense) model.layers().get(0);
        float[] kernel = first.kernel().value().data();
        for (int i = 0; i < kernel.length; i += 3) {
            kernel[i] += 0.25f;
        }
        float[] after = model.predict(x, 8).data();
        assertFalse(java.util.Arrays.equals(before, after), "predict must see the changed kernel");
        assertPredictIsPlainForward(model, x, 8, "after writing the kernel");
    }

    @Test
    void anOptimizerStepBetweenPredictsIsSeen() {
        Sequential model = model();
        model.compile("mse", "adam");
        Tensor x = inputs(64, 4);
        Tensor y = targets(64, 5);
        float[] before = model.predict(x, 32).data();
        model.fit(x, y, FitOptions.builder().epochs(1).batchSize(32).verbose(0).build());
        float[] after = model.predict(x, 32).data();
        assertFalse(java.util.Arrays.equals(before, after), "predict must see the trained weights");
        assertPredictIsPlainForward(model, x, 32, "after fit");
        model.trainOnBatch(x, y, null);
        assertPredictIsPlainForward(model, x, 32, "after trainOnBatch");
    }

    @Test
    void loadWeightsBetweenPredictsIsSeen(@TempDir Path dir) throws Exception {
        Sequential trained = model();
        trained.compile("mse", "adam");
        Tensor x = inputs(30, 6);
        trained.fit(x, targets(30, 7),
                FitOptions.builder().epochs(2).batchSize(8).verbose(0).build());
        Path file = dir.resolve("w.weights.h5");
        trained.saveWeights(file);
        assertTrue(Files.size(file) > 0);

        LayerNames.reset();
        Sequential fresh = model();
        float[] before = fresh.predict(x, 8).data();
        fresh.loadWeights(file);
        float[] after = fresh.predict(x, 8).data();
        assertNotEquals(before[0], after[0], "predict must see the loaded weights");
        assertArrayEquals(trained.predict(x, 8).data(), after, "loaded model predicts as the saved one");
    }

    @Test
    void recurrentKernelsChangedBetweenPredictsAreSeen() {
        SeedGenerator.setGlobalSeed(4);
        var model = new Sequential(Input.shape(5, 3), LSTM.builder(6).returnSequences(true).build(),
                GRU.builder(4).resetAfter(false).returnSequences(true).build(), new GRU(5), new Dense(2));
        var random = new SplittableRandom(9);
        float[] data = new float[20 * 5 * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble(-1, 1);
        }
        Tensor x = new Tensor(Shape.of(20, 5, 3), data);
        float[] before = model.predict(x, 8).data();
        assertArrayEquals(plainForward(model, x, 8), before, "predict is the forward pass");
        for (var layer : model.layers()) {
            if (layer instanceof RecurrentLayer recurrent) {
                float[] u = recurrent.recurrentKernel().value().data();
                for (int i = 0; i < u.length; i += 2) {
                    u[i] = -u[i] + 0.1f;
                }
            }
        }
        float[] after = model.predict(x, 8).data();
        assertFalse(java.util.Arrays.equals(before, after), "predict must see the changed recurrent kernels");
        assertPredictIsPlainForward(model, x, 8, "after writing the recurrent kernels");
    }

    @Test
    void passesNestAndRenew() {
        assertEquals(0, InferencePass.current());
        long outer = InferencePass.begin();
        assertEquals(0, outer);
        long first = InferencePass.current();
        assertNotEquals(0, first);
        InferencePass.renew();
        long renewed = InferencePass.current();
        assertNotEquals(first, renewed, "renew gives a new id");
        long inner = InferencePass.begin();
        assertEquals(renewed, inner);
        assertNotEquals(renewed, InferencePass.current());
        InferencePass.end(inner);
        assertNotEquals(0, InferencePass.current(), "the outer pass continues");
        assertNotEquals(renewed, InferencePass.current(), "under a new id, since the inner pass ran code");
        InferencePass.end(outer);
        assertEquals(0, InferencePass.current());
        InferencePass.renew();
        assertEquals(0, InferencePass.current(), "renew outside a pass opens none");
    }

    @Test
    void nonFiniteInputsAreNamedByRowAsBefore() {
        Sequential model = model();
        Tensor x = inputs(50, 8);
        x.data()[37 * FEATURES + 5] = Float.NaN;
        for (int batchSize : new int[] {16, 50}) {
            var e = assertThrows(IllegalArgumentException.class, () -> model.predict(x, batchSize));
            assertTrue(e.getMessage().contains("x has a non-finite value (NaN) at row 37, column 5"), e.getMessage());
            assertEquals(0, InferencePass.current(), "the pass ends when predict fails");
        }
    }
}
