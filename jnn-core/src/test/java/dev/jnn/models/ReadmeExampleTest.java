package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.callbacks.EarlyStopping;
import dev.jnn.callbacks.History;
import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.losses.BinaryCrossentropy;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code shown in README.md, compiled and run, so the README cannot drift from the API. */
class ReadmeExampleTest {
    @Test
    void theReadmeProgramRuns() {
        float[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        float[][] y = {{0}, {1}, {1}, {0}};

        SeedGenerator.setGlobalSeed(42);
        var model = new Sequential();
        model.add(Input.shape(2));
        model.add(new Dense(8));
        model.add(new Activation("relu"));
        model.add(new Dense(1));
        model.add(new Activation("sigmoid"));
        model.compile("mse", "adam", "accuracy");
        model.fit(x, y, FitOptions.builder().epochs(1000).verbose(0).build());
        float[][] out = model.predict(x);
        assertEquals(4, out.length);

        model.compile(CompileOptions.builder()
                .loss(new BinaryCrossentropy())
                .optimizer(Adam.builder().learningRate(0.01f).amsgrad(true).build())
                .metrics("accuracy", "auc")
                .build());
        History h = model.fit(x, y, FitOptions.builder()
                .epochs(100).batchSize(16).validationSplit(0.25).verbose(0)
                .callbacks(EarlyStopping.builder().monitor("val_loss").patience(5).restoreBestWeights(true).build())
                .build());
        assertTrue(h.history().containsKey("val_auc"), h.history().keySet().toString());
        assertTrue(model.summaryText().contains("Optimizer params"));
    }

    @Test
    void theReadmeFunctionalProgramRuns() {
        SeedGenerator.setGlobalSeed(7);
        Tensor xs = Tensor.zeros(32, 4);
        Tensor yOdd = Tensor.zeros(32, 1);
        int[] digits = new int[32];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 4; j++) {
                xs.data()[i * 4 + j] = (i >> j) & 1;
            }
            yOdd.data()[i] = i & 1;
            digits[i] = i % 3;
        }
        Tensor yDigit = Tensor.ofLabels(digits);

        SymbolicTensor x = Input.tensor("features", 4);
        SymbolicTensor h = new Dense(16, "relu").named("trunk").apply(x);
        SymbolicTensor odd = new Dense(1, "sigmoid").named("odd").apply(h);
        SymbolicTensor digit = new Dense(3, "softmax").named("digit").apply(h);
        Functional model = Model.of(List.of(x), List.of(odd, digit));
        model.compile(CompileOptions.builder().optimizer("adam")
                .outputLoss("odd", "binary_crossentropy").outputLoss("digit", "sparse_categorical_crossentropy")
                .lossWeight("odd", 0.5f).outputMetrics("digit", "accuracy").build());
        History h2 = model.fit(List.of(xs), List.of(yOdd, yDigit), FitOptions.builder().epochs(20).verbose(0).build());
        assertEquals(List.of("digit_accuracy", "digit_loss", "loss", "odd_loss"), List.copyOf(h2.history().keySet()));
        assertTrue(model.summaryText().contains("Connected to"));
    }
}
