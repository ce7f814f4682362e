package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jnn.layers.Attention;
import dev.jnn.layers.Bidirectional;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.GRU;
import dev.jnn.layers.GaussianNoise;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.Layer;
import dev.jnn.layers.MultiHeadAttention;
import dev.jnn.layers.SpatialDropout1D;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.layers.TimeDistributed;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Model#randomStreams()}: every stream a training step draws from, in a stable order, so that
 * restoring their states (with the weights) replays a step exactly; this is what BackupAndRestore relies on.
 */
class RandomStreamsTest {
    private static final int STEPS = 6;
    private static final int FEATURES = 4;

    /** Every kind of random layer, wrapped every way: each draws in training. */
    private static Functional everyRandomLayer() {
        SeedGenerator.setGlobalSeed(3);
        SymbolicTensor x = Input.tensor(STEPS, FEATURES);
        SymbolicTensor h = new GaussianNoise(0.2f).apply(x);
        h = new TimeDistributed(new Dropout(0.3f)).apply(h);
        h = new Bidirectional(LSTM.builder(3).returnSequences(true).dropout(0.2f).recurrentDropout(0.2f).build()).apply(h);
        h = new SpatialDropout1D(0.2f).apply(h);
        h = new Attention(Attention.Config.defaults().withDropout(0.3f, null)).apply(h, h);
        h = MultiHeadAttention.builder(2, 3).dropout(0.3f).build().apply(h, h);
        h = GRU.builder(4).dropout(0.25f).build().apply(h);
        h = new Dropout(0.4f, 5L).apply(h);
        Functional model = Model.of(x, new Dense(1).apply(h));
        model.compile(CompileOptions.builder().loss("mse").optimizer("sgd").build());
        return model;
    }

    private static Tensor data(long seed, int... shape) {
        var random = new RandomStream(seed);
        Tensor t = Tensor.zeros(dev.jnn.tensor.Shape.of(shape));
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) random.nextDouble();
        }
        return t;
    }

    private static long[] states(Model model) {
        return model.randomStreams().stream().mapToLong(RandomStream::state).toArray();
    }

    @Test
    void theModelListsEachLayersStreamsInLayerOrderWrappersIncluded() {
        Functional model = everyRandomLayer();
        model.build(List.of(dev.jnn.tensor.Shape.of(STEPS, FEATURES)));
        List<RandomStream> expected = new ArrayList<>();
        for (Layer layer : model.layers()) {
            expected.addAll(layer.randomStreams());
        }
        // noise, TimeDistributed's Dropout, the LSTM both ways, SpatialDropout1D, Attention, MHA, GRU, Dropout.
        assertEquals(9, expected.size());
        assertEquals(expected, model.randomStreams());
        assertEquals(List.of(), new Dense(2).randomStreams());
        // Stable: the same program gives the same streams in the same order.
        assertArrayEquals(states(everyRandomLayer()), states(everyRandomLayer()));
    }

    @Test
    void restoringTheStatesAndWeightsReplaysATrainingStepExactly() {
        Functional model = everyRandomLayer();
        Tensor x = data(1, 8, STEPS, FEATURES);
        Tensor y = data(2, 8, 1);
        model.trainOnBatch(x, y, null);   // builds everything
        List<float[]> weights = model.getWeights();
        List<float[]> optimizer = model.getOptimizerWeights();
        long[] saved = states(model);

        model.trainOnBatch(x, y, null);
        List<float[]> once = model.getWeights();
        long[] after = states(model);
        for (int i = 0; i < saved.length; i++) {
            assertNotEquals(saved[i], after[i], "stream " + i + " was drawn from");
        }

        model.setWeights(weights);
        model.setOptimizerWeights(optimizer);
        List<RandomStream> streams = model.randomStreams();
        for (int i = 0; i < saved.length; i++) {
            streams.get(i).restore(saved[i]);
        }
        model.trainOnBatch(x, y, null);
        List<float[]> again = model.getWeights();
        for (int i = 0; i < once.size(); i++) {
            assertArrayEquals(once.get(i), again.get(i), "weight " + i);
        }
    }

    @Test
    void aNestedModelUsedTwiceContributesItsStreamsOnce() {
        SeedGenerator.setGlobalSeed(4);
        Sequential block = new Sequential("block", Input.shape(3), new Dense(3), new Dropout(0.5f));
        SymbolicTensor a = Input.tensor("a", 3);
        SymbolicTensor b = Input.tensor("b", 3);
        Functional outer = Model.of(List.of(a, b), List.of(block.apply(a), block.apply(b)));
        assertEquals(1, outer.randomStreams().size());
        assertSame(block.randomStreams().get(0), outer.randomStreams().get(0));
    }
}
