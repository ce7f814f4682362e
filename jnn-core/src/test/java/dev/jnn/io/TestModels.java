package dev.jnn.io;

import dev.jnn.layers.BatchNormalization;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Input;
import dev.jnn.layers.PReLU;
import dev.jnn.layers.ReLU;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.Parameter;
import java.util.Random;

/** Models built in Java with the same architecture as the Keras ones of tools/keras_interop. */
final class TestModels {
    private TestModels() {
    }

    /** Dense(4, relu) → Dropout → Dense(2) → BatchNormalization → Dense(1), input 3. */
    static Sequential sequential() {
        return new Sequential("sequential", Input.shape(3), new Dense(4, "relu").named("dense"),
                new Dropout(0.1f).named("dropout"), new Dense(2).named("dense_1"),
                new BatchNormalization().named("batch_normalization"), new Dense(1).named("dense_2"));
    }

    /** Input(3) → Dense(4) → nested Sequential[Dense(2), ReLU, PReLU, BatchNormalization] → Dense(1). */
    static Model functional() {
        SymbolicTensor x = Input.tensor("inp", 3);
        SymbolicTensor h = new Dense(4).named("dense").apply(x);
        Sequential inner = new Sequential("sequential", Input.shape(4), new Dense(2).named("dense_1"),
                new ReLU().named("re_lu"), new PReLU().named("p_re_lu"),
                new BatchNormalization().named("batch_normalization"));
        SymbolicTensor y = new Dense(1).named("dense_2").apply(inner.apply(h));
        return new dev.jnn.models.Functional(java.util.List.of(x), java.util.List.of(y), "functional");
    }

    /** Fills every weight with distinct values, so that a misplaced weight shows. */
    static void scramble(Model model, long seed) {
        Random random = new Random(seed);
        for (Parameter p : model.parameters()) {
            float[] data = p.value().data();
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
        }
    }
}
