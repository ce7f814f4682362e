package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.callbacks.EarlyStopping;
import dev.jnn.callbacks.History;
import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.losses.BinaryCrossentropy;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
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
}
