package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.callbacks.Callback;
import dev.jnn.callbacks.History;
import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Input;
import dev.jnn.layers.LayerNames;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SequentialTest {
    static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final float[][] Y = {{0}, {1}, {1}, {0}};

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    private static Sequential xorModel() {
        var model = new Sequential();
        model.add(Input.shape(2));
        model.add(new Dense(8));
        model.add(new Activation("relu"));
        model.add(new Dense(1));
        model.add(new Activation("sigmoid"));
        return model;
    }

    @Test
    void theStudysProgramRunsAndReturnsAPredictionPerInput() {
        SeedGenerator.setGlobalSeed(0);
        var model = xorModel();
        model.compile("mse", "adam", "accuracy");
        History history = model.fit(X, Y, FitOptions.builder().epochs(1000).verbose(0).build());
        float[][] out = model.predict(X);
        assertEquals(4, out.length);
        assertEquals(1, out[0].length);
        assertEquals(List.of("accuracy", "loss"), List.copyOf(history.history().keySet()));
        assertEquals(1000, history.history().get("loss").size());
        List<Double> loss = history.history().get("loss");
        assertTrue(loss.get(999) < loss.get(0), "loss should fall: " + loss.get(0) + " -> " + loss.get(999));
    }

    @Test
    void learnsXorWithTanhAndAFasterAdam() {
        SeedGenerator.setGlobalSeed(1);
        var model = new Sequential(Input.shape(2), new Dense(8, "tanh"), new Dense(1, "sigmoid"));
        model.compile(CompileOptions.builder().loss("binary_crossentropy").optimizer(new Adam(0.05f))
                .metrics("accuracy").build());
        History h = model.fit(X, Y, FitOptions.builder().epochs(300).verbose(0).build());
        double last = h.history().get("loss").get(299);
        assertTrue(last < 0.05, "final loss " + last);
        float[][] out = model.predict(X);
        for (int i = 0; i < 4; i++) {
            assertEquals(Y[i][0] > 0.5f, out[i][0] > 0.5f, "sample " + i);
        }
    }

    @Test
    void sameSeedGivesBitwiseIdenticalWeightsAndHistory() {
        List<float[]> w1 = new ArrayList<>();
        List<float[]> w2 = new ArrayList<>();
        Map<String, List<Double>> h1 = trainSeeded(21, w1);
        Map<String, List<Double>> h2 = trainSeeded(21, w2);
        assertEquals(h1, h2);
        for (int i = 0; i < w1.size(); i++) {
            assertArrayEquals(w1.get(i), w2.get(i));
        }
        List<float[]> w3 = new ArrayList<>();
        trainSeeded(22, w3);
        assertTrue(!java.util.Arrays.equals(w1.get(0), w3.get(0)), "another seed should differ");
    }

    private static Map<String, List<Double>> trainSeeded(long seed, List<float[]> weightsOut) {
        SeedGenerator.setGlobalSeed(seed);
        var model = new Sequential(Input.shape(2), new Dense(8, "relu"), new Dropout(0.2f), new Dense(1, "sigmoid"));
        model.compile("mse", "adam", "accuracy");
        float[][] x = new float[40][];
        float[][] y = new float[40][];
        for (int i = 0; i < 40; i++) {
            x[i] = X[i % 4];
            y[i] = Y[i % 4];
        }
        History h = model.fit(x, y, FitOptions.builder().epochs(5).batchSize(8).verbose(0).build());
        weightsOut.addAll(model.getWeights());
        return h.history();
    }

    @Test
    void validationSplitHoldsOutTheTailAndAddsValKeysAfterTrainingKeys() {
        SeedGenerator.setGlobalSeed(2);
        var model = new Sequential(Input.shape(1), new Dense(1));
        model.compile("mse", "sgd", "mae");
        float[][] x = new float[10][1];
        float[][] y = new float[10][1];
        for (int i = 0; i < 10; i++) {
            x[i][0] = i;
            y[i][0] = i < 8 ? 0 : 100; // only the tail is far off
        }
        List<Map<String, Double>> seen = new ArrayList<>();
        Callback spy = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                seen.add(logs);
            }
        };
        model.setWeights(List.of(new float[] {0f}, new float[] {0f}));
        History h = model.fit(x, y, FitOptions.builder().epochs(1).verbose(0).validationSplit(0.2).shuffle(false)
                .callbacks(spy).build());
        assertEquals(List.of("loss", "mae", "val_loss", "val_mae"), List.copyOf(seen.get(0).keySet()));
        // the held-out tail is x = 8, 9 with y = 100: a near-zero model has val_loss about 100^2
        assertTrue(h.history().get("val_loss").get(0) > 9000, h.history().toString());
        assertTrue(h.history().get("loss").get(0) < 1, h.history().toString());
    }

    @Test
    void summaryMatchesKerasForTheXorModel() {
        var model = new Sequential(Input.shape(2), new Dense(8), new Dense(1));
        String expected = """
                Model: "sequential"
                ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
                ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
                ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
                │ dense (Dense)                   │ (None, 8)              │            24 │
                ├─────────────────────────────────┼────────────────────────┼───────────────┤
                │ dense_1 (Dense)                 │ (None, 1)              │             9 │
                └─────────────────────────────────┴────────────────────────┴───────────────┘
                 Total params: 33 (132.00 B)
                 Trainable params: 33 (132.00 B)
                 Non-trainable params: 0 (0.00 B)
                """;
        assertEquals(expected, model.summaryText(76));
    }

    @Test
    void summaryCountsOptimizerVariablesAfterTraining() {
        var model = new Sequential(Input.shape(2), new Dense(8, "relu"), new Dense(1, "sigmoid"));
        model.compile("mse", "adam", "accuracy");
        model.fit(X, Y, FitOptions.builder().epochs(1).verbose(0).build());
        String text = model.summaryText();
        assertTrue(text.contains(" Total params: 101 (408.00 B)"), text);
        assertTrue(text.contains(" Optimizer params: 68 (276.00 B)"), text);
    }

    @Test
    void predictInBatchesEqualsOneCall() {
        SeedGenerator.setGlobalSeed(3);
        var model = new Sequential(Input.shape(3), new Dense(5, "tanh"), new Dense(2));
        float[][] x = new float[70][3];
        for (int i = 0; i < 70; i++) {
            x[i] = new float[] {i, -i / 2f, i % 3};
        }
        Tensor all = model.predict(Tensor.of(x), 1000);
        Tensor batched = model.predict(Tensor.of(x), 32);
        assertArrayEquals(all.data(), batched.data());
    }

    @Test
    void evaluateReturnsLossThenMetricsInCompileOrder() {
        var model = xorModel();
        model.compile("mse", "sgd", "mae", "accuracy");
        Map<String, Double> result = model.evaluate(Tensor.of(X), Tensor.of(Y), 32, 0);
        assertEquals(List.of("loss", "mae", "accuracy"), List.copyOf(result.keySet()));
        float[][] out = model.predict(X);
        double mse = 0;
        for (int i = 0; i < 4; i++) {
            mse += Math.pow(out[i][0] - Y[i][0], 2) / 4;
        }
        assertEquals(mse, result.get("loss"), 1e-6);
    }

    @Test
    void trainOnBatchDoesOneUpdate() {
        var model = new Sequential(Input.shape(1), new Dense(1));
        model.compile(CompileOptions.builder().loss("mse").optimizer("sgd").build());
        model.setWeights(List.of(new float[] {1f}, new float[] {0f}));
        Map<String, Double> logs = model.trainOnBatch(new float[][] {{2}}, new float[][] {{0}});
        // loss = (2*1)^2 = 4; dL/dw = 2 * 2 * 2 = 8, w = 1 - 0.01 * 8; dL/db = 4, b = -0.04
        assertEquals(4.0, logs.get("loss"), 1e-6);
        assertArrayEquals(new float[] {0.92f}, model.getWeights().get(0), 1e-6f);
        assertArrayEquals(new float[] {-0.04f}, model.getWeights().get(1), 1e-6f);
    }

    @Test
    void classWeightScalesTheLossOfEachClass() {
        var plain = new Sequential(Input.shape(1), new Dense(1));
        plain.compile("mse", "sgd");
        plain.setWeights(List.of(new float[] {0f}, new float[] {0.5f}));
        float[][] x = {{0}, {0}};
        float[][] y = {{0}, {1}};
        Map<String, Double> unweighted = plain.trainOnBatch(x, y);
        assertEquals(0.25, unweighted.get("loss"), 1e-6);

        var weighted = new Sequential(Input.shape(1), new Dense(1));
        weighted.compile("mse", "sgd");
        weighted.setWeights(List.of(new float[] {0f}, new float[] {0.5f}));
        History h = weighted.fit(Tensor.of(x), Tensor.of(y), FitOptions.builder().verbose(0).shuffle(false)
                .classWeight(Map.of(1, 3f)).build());
        // (1 * 0.25 + 3 * 0.25) / 2 samples
        assertEquals(0.5, h.history().get("loss").get(0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> FitOptions.builder().classWeight(Map.of(1, 3f))
                .sampleWeight(new float[] {1, 1}).build());
    }

    @Test
    void callbacksCanStopTraining() {
        var model = xorModel();
        model.compile("mse", "adam");
        Callback stopAtThree = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (epoch == 2) {
                    model.setStopTraining(true);
                }
            }
        };
        History h = model.fit(X, Y, FitOptions.builder().epochs(50).verbose(0).callbacks(stopAtThree).build());
        assertEquals(3, h.history().get("loss").size());
        assertNotNull(model.history());
    }

    // ---- bad input ----

    @Test
    void fitBeforeCompileSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> xorModel().fit(X, Y, 1));
        assertTrue(e.getMessage().contains("compile"), e.getMessage());
    }

    @Test
    void mismatchedLengthsNameBothSizes() {
        var model = xorModel();
        model.compile("mse", "adam");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(X, new float[][] {{0}, {1}, {1}}, 1));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void wrongInputWidthNamesLayerAndShapes() {
        var model = xorModel();
        model.compile("mse", "adam");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(new float[][] {{0, 0, 0}}, new float[][] {{0}}, 1));
        assertTrue(e.getMessage().contains("\"dense\""), e.getMessage());
        assertTrue(e.getMessage().contains("(None, 2)") && e.getMessage().contains("(None, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.predict(new float[][] {{1, 2, 3}}));
    }

    @Test
    void nonFiniteValuesNameTheRow() {
        var model = xorModel();
        model.compile("mse", "adam");
        float[][] x = {{0, 0}, {0, 1}, {Float.NaN, 0}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x, Y, 1));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("x"), e.getMessage());
        float[][] y = {{0}, {Float.POSITIVE_INFINITY}, {1}, {0}};
        e = assertThrows(IllegalArgumentException.class, () -> model.fit(X, y, 1));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("y"), e.getMessage());
    }

    @Test
    void sparseLabelsOutOfRangeNameTheRow() {
        var model = new Sequential(Input.shape(2), new Dense(3, "softmax"));
        model.compile("sparse_categorical_crossentropy", "adam", "accuracy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(X, new int[] {0, 1, 3, 2}, 1));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var model = xorModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.compile("msee", "adam"));
        assertTrue(e.getMessage().contains("mse"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.compile("mse", "adamm"));
        assertTrue(e.getMessage().contains("adam"), e.getMessage());
        model.compile("mse", "adam", "acuracy");
        e = assertThrows(IllegalArgumentException.class, () -> model.fit(X, Y, 1));
        assertTrue(e.getMessage().contains("accuracy"), e.getMessage());
    }

    @Test
    void setWeightsChecksCountAndSizes() {
        var model = new Sequential(Input.shape(2), new Dense(1));
        assertThrows(IllegalArgumentException.class, () -> model.setWeights(List.of(new float[2])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.setWeights(List.of(new float[3], new float[1])));
        assertTrue(e.getMessage().contains("kernel"), e.getMessage());
    }
}
