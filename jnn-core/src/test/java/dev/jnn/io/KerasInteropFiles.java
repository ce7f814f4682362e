package dev.jnn.io;

import dev.jnn.layers.BatchNormalization;
import dev.jnn.layers.Bidirectional;
import dev.jnn.layers.Concatenate;
import dev.jnn.layers.Conv1D;
import dev.jnn.layers.Conv2D;
import dev.jnn.layers.Conv2DTranspose;
import dev.jnn.layers.Dense;
import dev.jnn.layers.DepthwiseConv2D;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Embedding;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.GRU;
import dev.jnn.layers.GlobalAveragePooling1D;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.MaxPooling1D;
import dev.jnn.layers.MaxPooling2D;
import dev.jnn.layers.PReLU;
import dev.jnn.layers.ReLU;
import dev.jnn.layers.SeparableConv2D;
import dev.jnn.layers.SimpleRNN;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.losses.Losses;
import dev.jnn.models.CompileOptions;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Functional;
import dev.jnn.models.Model;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.optimizers.RMSprop;
import dev.jnn.optimizers.SGD;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The models whose files jnn writes for real Keras to read (tools/keras_interop/verify_jnn_files.py).
 * Each case is built, trained a little when compiled (so that batch-norm statistics and optimizer state
 * are not trivial), and predicts on a fixed input.
 */
final class KerasInteropFiles {
    /**
     * One model whose files Keras reads. {@code vocabulary} > 0 makes the inputs token ids in
     * {@code [0, vocabulary)} (for an Embedding) instead of Gaussian floats.
     */
    record Case(String name, Supplier<Model> model, List<int[]> inputShapes, int vocabulary, boolean train) {
        Case(String name, Supplier<Model> model, int[] inputShape, boolean train) {
            this(name, model, List.of(inputShape), 0, train);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("mlp", KerasInteropFiles::mlp, new int[] {3}, true),
            new Case("nested", KerasInteropFiles::nested, new int[] {3}, true),
            new Case("conv", KerasInteropFiles::conv, new int[] {8, 8, 1}, false),
            new Case("recurrent", KerasInteropFiles::recurrent, new int[] {6, 3}, true),
            new Case("embedding", KerasInteropFiles::embedding, List.of(new int[] {7}), 12, true),
            new Case("conv1d", KerasInteropFiles::conv1d, new int[] {10, 3}, true),
            new Case("convx", KerasInteropFiles::convx, new int[] {6, 6, 2}, true),
            new Case("multi_io", KerasInteropFiles::multiIo, List.of(new int[] {4}, new int[] {3}), 0, true),
            new Case("attention", KerasInteropFiles::attention, new int[] {4, 6}, false));

    /**
     * Models whose configs KerasConfig does not write: only their weights files go to Keras, which
     * builds the same architecture itself (see verify_jnn_files.py, WEIGHTS_ONLY). None at present.
     */
    static final List<Case> WEIGHTS_ONLY_CASES = List.of();

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

    /** SimpleRNN and GRU (reset_after) returning sequences, then a Bidirectional LSTM; RMSprop. */
    static Model recurrent() {
        Sequential m = new Sequential("recurrent", Input.shape(6, 3),
                SimpleRNN.builder(4).returnSequences(true).build().named("simple_rnn"),
                GRU.builder(4).returnSequences(true).build().named("gru"),
                new Bidirectional(new LSTM(3).named("lstm")).named("bidirectional"),
                new Dense(2).named("out"));
        m.compile(Losses.get("mse"), RMSprop.builder().learningRate(0.01f).build());
        return m;
    }

    /** Embedding with mask_zero into an LSTM, so that the padding mask travels too; Adam. */
    static Model embedding() {
        Sequential m = new Sequential("embedding", Input.shape(7),
                Embedding.builder(12, 4).maskZero(true).build().named("embed"),
                new LSTM(3).named("lstm"), new Dense(2, "softmax").named("out"));
        m.compile(Losses.get("categorical_crossentropy"), Adam.builder().learningRate(0.01f).build());
        return m;
    }

    /** Conv1D with same padding, a dilated Conv1D, max pooling, global average pooling; SGD with momentum. */
    static Model conv1d() {
        Sequential m = new Sequential("conv1d", Input.shape(10, 3),
                Conv1D.builder(4, 3).padding("same").activation("relu").build().named("conv_a"),
                new MaxPooling1D().named("pool"),
                Conv1D.builder(3, 2).dilationRate(2).build().named("conv_b"),
                new GlobalAveragePooling1D().named("average"), new Dense(2).named("out"));
        m.compile(Losses.get("mse"), SGD.builder().learningRate(0.05f).momentum(0.9).build());
        return m;
    }

    /** DepthwiseConv2D (depth multiplier 2), SeparableConv2D, strided Conv2DTranspose; Adam. */
    static Model convx() {
        Sequential m = new Sequential("convx", Input.shape(6, 6, 2),
                DepthwiseConv2D.builder(3).depthMultiplier(2).padding("same").build().named("depthwise"),
                SeparableConv2D.builder(4, 3).activation("relu").build().named("separable"),
                Conv2DTranspose.builder(3, 3).strides(2).build().named("transpose"),
                new Flatten().named("flatten"), new Dense(2).named("out"));
        m.compile(Losses.get("mse"), Adam.builder().learningRate(0.01f).build());
        return m;
    }

    /** Two inputs, two outputs with a loss each, loss weights and a metric on one output; Adam. */
    static Model multiIo() {
        SymbolicTensor a = Input.tensor("left", 4);
        SymbolicTensor b = Input.tensor("right", 3);
        SymbolicTensor h = new Concatenate().named("join").apply(new Dense(5, "relu").named("left_dense").apply(a), b);
        h = new Dense(6, "tanh").named("trunk").apply(h);
        SymbolicTensor reg = new Dense(1).named("reg").apply(h);
        SymbolicTensor cls = new Dense(3, "softmax").named("cls").apply(h);
        Model m = new Functional(List.of(a, b), List.of(reg, cls), "multi_io");
        m.compile(CompileOptions.builder().optimizer(Adam.builder().learningRate(0.01f).build())
                .outputLoss("reg", "mse").outputLoss("cls", "categorical_crossentropy")
                .lossWeight("reg", 0.5f).lossWeight("cls", 1f).outputMetrics("cls", "accuracy").build());
        return m;
    }

    /** A fixed batch of {@code n} samples for each of the case's inputs. */
    static List<Tensor> inputs(Case c, int n, long seed) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < c.inputShapes().size(); i++) {
            out.add(c.vocabulary() > 0 ? tokens(c.inputShapes().get(i), n, c.vocabulary(), seed + i)
                    : input(c.inputShapes().get(i), n, seed + i));
        }
        return out;
    }

    /** A fixed batch of {@code n} inputs of the given per-sample shape. */
    static Tensor input(int[] sampleShape, int n, long seed) {
        Shape shape = batchShape(sampleShape, n);
        float[] data = new float[shape.size()];
        Random random = new Random(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new Tensor(shape, data);
    }

    /** Token ids with zeros (padding, masked) scattered after the first step of each sequence. */
    private static Tensor tokens(int[] sampleShape, int n, int vocabulary, long seed) {
        Shape shape = batchShape(sampleShape, n);
        float[] data = new float[shape.size()];
        Random random = new Random(seed);
        int steps = sampleShape[sampleShape.length - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = i % steps == 0 ? 1 + random.nextInt(vocabulary - 1) : random.nextInt(vocabulary);
        }
        return new Tensor(shape, data);
    }

    private static Shape batchShape(int[] sampleShape, int n) {
        int[] dims = new int[sampleShape.length + 1];
        dims[0] = n;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return Shape.of(dims);
    }

    /** Builds the case's model and trains it a few steps when it is compiled. */
    static Model trained(Case c) {
        SeedGenerator.setGlobalSeed(7);
        Model m = c.model().get();
        if (c.train()) {
            List<Tensor> ys = new ArrayList<>();
            for (Shape output : m.outputShapes()) {
                int width = output.dim(-1);
                float[] y = new float[16 * width];
                for (int i = 0; i < 16; i++) {
                    y[i * width + (i % width)] = 1;
                }
                ys.add(new Tensor(Shape.of(16, width), y));
            }
            m.fit(inputs(c, 16, 1), ys, FitOptions.builder().epochs(3).batchSize(4).shuffle(false).verbose(0).build());
        }
        return m;
    }
}
