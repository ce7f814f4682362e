package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.models.Sequential;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GradientCheck;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * SimpleRNN, LSTM, GRU and Bidirectional: numerical gradient checks (plain, sequences, backwards, masks,
 * initial states, both GRU variants), the layer contract, masks, states, dropout and bad inputs.
 */
class RecurrentLayersTest {
    private static final Shape SAMPLE = Shape.of(5, 3);

    @Test
    void simpleRnnGradients() {
        LayerGradientCheck.check(new SimpleRNN(4), SAMPLE, 2, 1, false);
        LayerGradientCheck.check(SimpleRNN.builder(3).returnSequences(true).goBackwards(true).build(), SAMPLE, 2, 2,
                false);
        LayerGradientCheck.check(SimpleRNN.builder(3).activation("softsign").returnSequences(true).build(), SAMPLE, 2,
                3, false);
    }

    @Test
    void lstmGradients() {
        LayerGradientCheck.check(new LSTM(4), SAMPLE, 2, 4, false);
        LayerGradientCheck.check(LSTM.builder(3).returnSequences(true).build(), SAMPLE, 2, 5, false);
        LayerGradientCheck.check(LSTM.builder(3).returnSequences(true).goBackwards(true).useBias(false).build(),
                SAMPLE, 2, 6, false);
        LayerGradientCheck.check(LSTM.builder(3).activation("elu").recurrentActivation("hard_sigmoid").build(),
                SAMPLE, 2, 7, false);
    }

    @Test
    void gruGradientsBothResetModes() {
        LayerGradientCheck.check(new GRU(4), SAMPLE, 2, 8, false);
        LayerGradientCheck.check(GRU.builder(3).returnSequences(true).goBackwards(true).build(), SAMPLE, 2, 9, false);
        LayerGradientCheck.check(GRU.builder(4).resetAfter(false).build(), SAMPLE, 2, 10, false);
        LayerGradientCheck.check(GRU.builder(3).resetAfter(false).returnSequences(true).goBackwards(true).build(),
                SAMPLE, 2, 11, false);
    }

    @Test
    void bidirectionalGradients() {
        LayerGradientCheck.check(new Bidirectional(LSTM.builder(3).returnSequences(true).build()), SAMPLE, 2, 12, false);
        LayerGradientCheck.check(new Bidirectional(new GRU(3), "sum"), SAMPLE, 2, 13, false);
        LayerGradientCheck.check(new Bidirectional(SimpleRNN.builder(2).returnSequences(true).build(), "mul"), SAMPLE,
                2, 14, false);
        LayerGradientCheck.check(new Bidirectional(new LSTM(2), "ave"), SAMPLE, 2, 15, false);
    }

    private static final float[] MASK = {
        1, 1, 1, 0, 0,
        0, 1, 0, 1, 1,
        1, 1, 1, 1, 1};

    @Test
    void maskedGradients() {
        List<Supplier<Layer>> layers = List.of(
                () -> SimpleRNN.builder(3).returnSequences(true).build(),
                () -> new LSTM(3),
                () -> LSTM.builder(3).returnSequences(true).goBackwards(true).build(),
                () -> GRU.builder(3).returnSequences(true).build(),
                () -> GRU.builder(3).resetAfter(false).returnState(true).build(),
                () -> LSTM.builder(2).returnSequences(true).zeroOutputForMask(true).returnState(true).build(),
                () -> new Bidirectional(LSTM.builder(2).returnSequences(true).build()),
                () -> new Bidirectional(GRU.builder(2).returnState(true).build(), null));
        long seed = 20;
        for (Supplier<Layer> factory : layers) {
            checkListCall(factory.get(), 3, 0, MASK, seed++);
        }
    }

    @Test
    void initialStateGradients() {
        checkListCall(LSTM.builder(3).returnState(true).build(), 2, 2, null, 40);
        checkListCall(GRU.builder(3).returnSequences(true).build(), 2, 1, null, 41);
        checkListCall(GRU.builder(3).resetAfter(false).returnState(true).build(), 3, 1, MASK, 42);
        checkListCall(SimpleRNN.builder(3).returnState(true).goBackwards(true).build(), 3, 1, MASK, 43);
        checkListCall(new Bidirectional(LSTM.builder(2).returnState(true).build()), 2, 4, null, 44);
    }

    /**
     * Central differences of {@code sum_i r_i ⊙ out_i} over every output of a list call, with respect to the
     * input, the initial states and every weight.
     */
    private static void checkListCall(Layer layer, int batch, int states, float[] mask, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(randomTensor(SAMPLE.withBatch(batch), random));
        int units = layer instanceof Bidirectional b ? b.forwardLayer().units() : ((RecurrentLayer) layer).units();
        for (int i = 0; i < states; i++) {
            inputs.add(randomTensor(Shape.of(batch, units), random));
        }
        if (mask != null) {
            inputs.get(0).setMask(new Tensor(Shape.of(batch, SAMPLE.dim(0)), java.util.Arrays.copyOf(mask, batch * 5)));
        }
        List<Shape> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            shapes.add(t.shape().withoutBatch());
        }
        layer.build(shapes, false);
        List<float[]> weights = new ArrayList<>();
        for (Shape s : layer.outputShapes(shapes)) {
            float[] r = new float[s.size() * batch];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) (random.nextDouble() * 2 - 1);
            }
            weights.add(r);
        }
        for (Tensor t : inputs) {
            t.markRequiresGrad();
            t.zeroGrad();
        }
        for (Parameter p : layer.parameters()) {
            p.value().zeroGrad();
        }
        try (GradientTape tape = GradientTape.open()) {
            List<Tensor> outs = layer.call(inputs, false);
            for (int o = 0; o < outs.size(); o++) {
                float[] g = outs.get(o).grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += weights.get(o)[i];
                }
            }
            tape.backward();
        }
        for (int i = 0; i < inputs.size(); i++) {
            GradientCheck.assertGradient(layer.name() + " input " + i, inputs.get(i).data(),
                    inputs.get(i).grad().clone(), v -> probe(layer, inputs, weights), 1e-2, 2e-2);
        }
        for (Parameter p : layer.parameters()) {
            GradientCheck.assertGradient(layer.name() + " " + p.name(), p.value().data(), p.grad().clone(),
                    v -> probe(layer, inputs, weights), 1e-2, 2e-2);
        }
    }

    private static double probe(Layer layer, List<Tensor> inputs, List<float[]> weights) {
        List<Tensor> outs = layer.call(inputs, false);
        double s = 0;
        for (int o = 0; o < outs.size(); o++) {
            float[] y = outs.get(o).data();
            for (int i = 0; i < y.length; i++) {
                s += (double) weights.get(o)[i] * y[i];
            }
        }
        return s;
    }

    private static Tensor randomTensor(Shape shape, SplittableRandom random) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return t;
    }

    @Test
    void contract() {
        Shape in = Shape.of(5, 2);
        LayerContract.check(() -> new SimpleRNN(3), in, Shape.of(3), 2 * 3 + 3 * 3 + 3);
        LayerContract.check(() -> SimpleRNN.builder(3).returnSequences(true).build(), in, Shape.of(5, 3), 18);
        LayerContract.check(() -> new LSTM(3), in, Shape.of(3), 4 * (2 * 3 + 3 * 3 + 3));
        LayerContract.check(() -> new GRU(3), in, Shape.of(3), 3 * (2 * 3 + 3 * 3) + 2 * 9);
        LayerContract.check(() -> GRU.builder(3).resetAfter(false).build(), in, Shape.of(3), 3 * (2 * 3 + 3 * 3) + 9);
        LayerContract.check(() -> new Bidirectional(LSTM.builder(3).returnSequences(true).build()), in,
                Shape.of(5, 6), 2 * 72);
        LayerContract.check(() -> new Bidirectional(new GRU(3), "ave"), in, Shape.of(3), 2 * 63);
    }

    @Test
    void maskingMasksStepsOfMaskValueAndZeroesThem() {
        Masking masking = new Masking(-1f);
        Tensor x = new Tensor(Shape.of(1, 3, 2), new float[] {1, -1, -1, -1, 0, 2});
        Tensor y = masking.call(x, false);
        assertArrayEquals(new float[] {1, -1, 0, 0, 0, 2}, y.data());
        assertArrayEquals(new float[] {1, 0, 1}, y.mask().data());
        assertEquals(Shape.of(1, 3), y.mask().shape());
        LayerContract.check(Masking::new, Shape.of(4, 3), Shape.of(4, 3), 0);
        LayerGradientCheck.check(new Masking(0.25f), Shape.of(4, 3), 2, 50, false);
        // In a model: padded steps (all zeros) do not change an LSTM's last output.
        var model = new Sequential(dev.jnn.layers.Input.shape(4, 3), new Masking(), new LSTM(2));
        Tensor padded = new Tensor(Shape.of(1, 4, 3), new float[] {0.5f, 0.1f, 0.2f, 0.3f, 0.9f, 0.4f, 0, 0, 0, 0, 0, 0});
        Tensor cut = new Tensor(Shape.of(1, 2, 3), java.util.Arrays.copyOf(padded.data(), 6));
        var lstm = (LSTM) model.layers().get(1);
        float[] full = model.predict(padded).data();
        LSTM twin = new LSTM(2);
        twin.build(Shape.of(2, 3), false);
        for (int i = 0; i < 3; i++) {
            System.arraycopy(lstm.parameters().get(i).value().data(), 0, twin.parameters().get(i).value().data(), 0,
                    lstm.parameters().get(i).size());
        }
        assertArrayEquals(twin.call(cut, false).data(), full, 1e-6f);
    }

    @Test
    void weightsHaveKerasNamesShapesAndInitialValues() {
        LSTM lstm = new LSTM(4);
        lstm.build(Shape.of(6, 3), false);
        assertEquals(List.of("kernel", "recurrent_kernel", "bias"),
                lstm.parameters().stream().map(Parameter::name).toList());
        assertEquals(Shape.of(3, 16), lstm.kernel().shape());
        assertEquals(Shape.of(4, 16), lstm.recurrentKernel().shape());
        float[] bias = lstm.bias().value().data();
        for (int j = 0; j < 16; j++) {
            assertEquals(j >= 4 && j < 8 ? 1f : 0f, bias[j], "unit_forget_bias at " + j);
        }
        LSTM noForget = LSTM.builder(4).unitForgetBias(false).build();
        noForget.build(Shape.of(6, 3), false);
        assertArrayEquals(new float[16], noForget.bias().value().data());
        // Orthogonal recurrent kernel: U·Uᵀ = I for a [units, 4·units] matrix (rows orthonormal).
        float[] u = lstm.recurrentKernel().value().data();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double dot = 0;
                for (int j = 0; j < 16; j++) {
                    dot += (double) u[a * 16 + j] * u[b * 16 + j];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-5);
            }
        }
        GRU gru = new GRU(4);
        gru.build(Shape.of(6, 3), false);
        assertEquals(Shape.of(2, 12), gru.bias().shape());
        GRU before = GRU.builder(4).resetAfter(false).build();
        before.build(Shape.of(6, 3), false);
        assertEquals(Shape.of(12), before.bias().shape());
        Bidirectional bi = new Bidirectional(new SimpleRNN(2).named("rnn"));
        bi.build(Shape.of(6, 3), false);
        assertEquals("forward_rnn", bi.forwardLayer().name());
        assertEquals("backward_rnn", bi.backwardLayer().name());
        assertTrue(bi.backwardLayer().arguments().goBackwards());
        assertEquals(6, bi.parameters().size());
        assertSame(bi.forwardLayer().kernel(), bi.parameters().get(0));
        assertSame(bi.backwardLayer().kernel(), bi.parameters().get(3));
    }

    @Test
    void returnStateAndMasks() {
        LSTM lstm = LSTM.builder(3).returnSequences(true).returnState(true).build();
        Tensor x = Tensor.full(Shape.of(3, 5, 2), 0.3f);
        Tensor mask = new Tensor(Shape.of(3, 5), MASK.clone());
        x.setMask(mask);
        List<Tensor> outs = lstm.call(List.of(x), false);
        assertEquals(3, outs.size());
        assertEquals(Shape.of(3, 5, 3), outs.get(0).shape());
        assertSame(mask, outs.get(0).mask());
        assertNull(outs.get(1).mask());
        Tensor single = lstm.call(x, false);
        assertEquals(Shape.of(3, 5, 3), single.shape());
        assertSame(mask, single.mask());
        // Row 0 is masked from step 3: its last output and its states equal those of step 2.
        float[] seq = outs.get(0).data();
        for (int j = 0; j < 3; j++) {
            assertEquals(seq[2 * 3 + j], seq[4 * 3 + j]);
            assertEquals(seq[2 * 3 + j], outs.get(1).data()[j]);
        }
        // Row 1 starts masked: zeros before its first kept step.
        for (int j = 0; j < 3; j++) {
            assertEquals(0f, seq[(5) * 3 + j]);
        }
        assertNull(new GRU(3).call(x, false).mask(), "no output mask without return_sequences");
    }

    @Test
    void dropoutIsSeededAndOnlyInTraining() {
        Supplier<LSTM> make = () -> LSTM.builder(4).dropout(0.5f).recurrentDropout(0.3f).seed(7)
                .kernelInitializer(dev.jnn.initializers.Initializers.glorotUniform(1))
                .recurrentInitializer(dev.jnn.initializers.Initializers.orthogonal(1.0, 2L)).build();
        Tensor x = Tensor.full(Shape.of(2, 5, 3), 0.5f);
        LSTM a = make.get();
        LSTM b = make.get();
        float[] inference = a.call(x, false).data().clone();
        float[] trainA = a.call(x, true).data().clone();
        float[] trainB = b.call(x, true).data().clone();
        assertArrayEquals(trainA, trainB, "same seed, same masks");
        assertFalse(java.util.Arrays.equals(inference, trainA), "dropout changes the training output");
        assertArrayEquals(inference, b.call(x, false).data(), "inference ignores dropout");
    }

    @Test
    void badInputsHaveClearMessages() {
        LSTM lstm = new LSTM(3);
        var rank = assertThrows(IllegalArgumentException.class, () -> lstm.call(Tensor.zeros(2, 5), false));
        assertTrue(rank.getMessage().contains("expected ndim=3, found ndim=2"), rank.getMessage());
        lstm.call(Tensor.zeros(2, 5, 4), false);
        var features = assertThrows(IllegalArgumentException.class, () -> lstm.call(Tensor.zeros(2, 5, 6), false));
        assertTrue(features.getMessage().contains("expected axis -1 of input shape to have value 4"),
                features.getMessage());
        assertTrue(features.getMessage().contains("(None, 5, 6)"), features.getMessage());
        var states = assertThrows(IllegalArgumentException.class,
                () -> new GRU(3).call(List.of(Tensor.zeros(2, 5, 4), Tensor.zeros(2, 4)), false));
        assertTrue(states.getMessage().contains("must have shape (None, 3)"), states.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> new LSTM(3).call(List.of(Tensor.zeros(2, 5, 4), Tensor.zeros(2, 3)), false));
        assertTrue(count.getMessage().contains("expects 2 initial state(s)"), count.getMessage());
        var units = assertThrows(IllegalArgumentException.class, () -> new GRU(0));
        assertTrue(units.getMessage().contains("units"), units.getMessage());
        var merge = assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new GRU(2), "max"));
        assertTrue(merge.getMessage().contains("Invalid merge mode"), merge.getMessage());
        var mask = new GRU(2);
        Tensor x = Tensor.zeros(2, 5, 4);
        x.setMask(Tensor.zeros(2, 4));
        var badMask = assertThrows(IllegalArgumentException.class, () -> mask.call(x, false));
        assertTrue(badMask.getMessage().contains("Mask of layer"), badMask.getMessage());
    }
}
