package dev.jnn.io;

import dev.jnn.layers.BatchNormalization;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.layers.PReLU;
import dev.jnn.layers.ReLU;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.losses.Losses;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.optimizers.SGD;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The models whose files jnn writes for real Keras to read (tools/keras_interop/verify_jnn_files.py).
 * Each case is built, trained a little when compiled (so that batch-norm statistics and optimizer state
 * are not trivial), and predicts on a fixed input.
 */
final class KerasInteropFiles {
    record Case(String name, Supplier<Model> model, int[] inputShape, boolean train) {
    }

    static final List<Case> CASES = List.of(
            new Case("mlp", KerasInteropFiles::mlp, new int[] {3}, true),
            new Case("nested", KerasInteropFiles::nested, new int[] {3}, true),
            new Case("conv", KerasInteropFiles::conv, new int[] {8, 8, 1}, false));

    /**
     * Models whose configs KerasConfig does not write yet: only their weights files go to Keras, which
     * builds the same architecture itself (see verify_jnn_files.py, WEIGHTS_ONLY).
     */
    static final List<Case> WEIGHTS_ONLY_CASES = List.of(
            new Case("attention", KerasInteropFiles::attention, new int[] {4, 6}, false));

    private KerasInteropFiles() {
    }

    static Model mlp() {
        Sequential m = new Sequential("mlp", Input.shape(3), new Dense(8, "relu").named("hidden"),
                new Dropout(0.2f).named("drop"), new Dense(4).named("project"),
                new BatchNormalization().named("norm"), new Dense(2, "softmax").named("probabilities"));
        m.compile(Losses.get("categorical_crossentropy"), Adam.builder().learningRate(0.01f).build());
        return m;
    }

    static Model nested() {
        SymbolicTensor x = Input.tensor("features", 3);
        SymbolicTensor h = new Dense(4).named("embed").apply(x);
        Sequential block = new Sequential("block", Input.shape(4), new Dense(3).named("block_dense"),
                new ReLU().named("block_relu"), new PReLU().named("block_prelu"),
                new BatchNormalization().named("block_norm"));
        SymbolicTensor y = new Dense(2).named("head").apply(block.apply(h));
        Model m = new Functional(List.of(x), List.of(y), "nested");
        m.compile(Losses.get("mse"), SGD.builder().learningRate(0.05f).momentum(0.9).build());
        return m;
    }

    /** Self-attention (2 heads, key_dim 3) then TimeDistributed(Dense(2)), input (4, 6). */
    static Model attention() {
        SymbolicTensor x = Input.tensor("tokens", 4, 6);
        SymbolicTensor a = dev.jnn.layers.MultiHeadAttention.builder(2, 3).build().named("mha").apply(x, x);
        SymbolicTensor y = new dev.jnn.layers.TimeDistributed(new Dense(2).named("inner")).named("td").apply(a);
        return new Functional(List.of(x), List.of(y), "attention");
    }

    static Model conv() {
        return new Sequential("conv", Input.shape(8, 8, 1), new Conv2D(4, 3, "relu").named("conv"),
                new MaxPooling2D().named("pool"), new Flatten().named("flatten"), new Dense(3).named("logits"));
    }

    /** A fixed batch of {@code n} inputs of the given per-sample shape. */
    static Tensor input(int[] sampleShape, int n, long seed) {
        int[] dims = new int[sampleShape.length + 1];
        dims[0] = n;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        Shape shape = Shape.of(dims);
        float[] data = new float[shape.size()];
        Random random = new Random(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new Tensor(shape, data);
    }

    /** Builds the case's model and trains it a few steps when it is compiled. */
    static Model trained(Case c) {
        SeedGenerator.setGlobalSeed(7);
        Model m = c.model().get();
        if (c.train()) {
            Tensor x = input(c.inputShape(), 16, 1);
            int outputs = m.outputShape().dim(0);
            float[] y = new float[16 * outputs];
            for (int i = 0; i < 16; i++) {
                y[i * outputs + (i % outputs)] = 1;
            }
            m.fit(x, new Tensor(Shape.of(16, outputs), y),
                    FitOptions.builder().epochs(3).batchSize(4).shuffle(false).verbose(0).build());
        }
        return m;
    }
}
