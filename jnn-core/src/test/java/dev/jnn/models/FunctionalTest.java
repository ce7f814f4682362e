package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.callbacks.History;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.optimizers.SGD;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.Allocations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionalTest {
    private static Tensor data(int rows, int cols, int seed) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) Math.sin(seed * 31 + i * 0.7);
        }
        return t;
    }

    @Test
    void aChainTrainsExactlyLikeTheSameSequential() {
        SeedGenerator.setGlobalSeed(3);
        Sequential sequential = new Sequential(Input.shape(4), new Dense(5, "relu"), new Dense(2, "softmax"));
        SymbolicTensor x = Input.tensor(4);
        SymbolicTensor y = new Dense(2, "softmax").apply(new Dense(5, "relu").apply(x));
        Functional functional = Model.of(x, y);
        functional.setWeights(sequential.getWeights());
        Tensor xs = data(20, 4, 1);
        Tensor labels = Tensor.ofLabels(new int[] {0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0});
        for (Model m : List.of(sequential, functional)) {
            m.compile(CompileOptions.builder().loss("sparse_categorical_crossentropy").optimizer(new SGD(0.05f))
                    .metrics("accuracy").build());
            m.fit(xs, labels, FitOptions.builder().epochs(4).batchSize(6).shuffle(false).verbose(0).build());
        }
        for (int i = 0; i < sequential.getWeights().size(); i++) {
            assertArrayEquals(sequential.getWeights().get(i), functional.getWeights().get(i), 0f);
        }
        assertEquals(sequential.history().history(), functional.history().history());
    }

    @Test
    void layersAreOrderedByDepthAndIncludeTheInputs() {
        SymbolicTensor x = Input.tensor("in", 3);
        SymbolicTensor a = new Dense(2).named("a").apply(x);
        SymbolicTensor b = new Dense(2).named("b").apply(x);
        SymbolicTensor c = new Dense(1).named("c").apply(a);
        Functional model = Model.of(List.of(x), List.of(c, b));
        assertEquals(List.of("in", "a", "c", "b"), model.layers().stream().map(l -> l.name()).toList());
        assertEquals(List.of("c", "b"), model.outputNames());
        assertEquals(List.of(Shape.of(1), Shape.of(2)), model.outputShapes());
    }

    @Test
    void aDisconnectedGraphIsRefusedNamingTheMissingTensor() {
        SymbolicTensor x = Input.tensor("x", 3);
        SymbolicTensor other = Input.tensor("other", 3);
        SymbolicTensor y = new Dense(1).apply(other);
        var e = assertThrows(IllegalArgumentException.class, () -> Model.of(x, y));
        assertTrue(e.getMessage().contains("graph disconnected") && e.getMessage().contains("other"), e.getMessage());
    }

    @Test
    void inputsMustComeFromInputTensor() {
        SymbolicTensor x = Input.tensor(3);
        SymbolicTensor h = new Dense(2).named("h").apply(x);
        var e = assertThrows(IllegalArgumentException.class, () -> Model.of(h, new Dense(1).apply(h)));
        assertTrue(e.getMessage().contains("Input.tensor") && e.getMessage().contains("\"h\""), e.getMessage());
    }

    @Test
    void duplicateLayerNamesAreRefused() {
        SymbolicTensor x = Input.tensor(3);
        SymbolicTensor y = new Dense(2).named("same").apply(new Dense(2).named("same").apply(x));
        var e = assertThrows(IllegalArgumentException.class, () -> Model.of(x, y));
        assertTrue(e.getMessage().contains("\"same\" is used 2 times"), e.getMessage());
    }

    @Test
    void applyingABuiltLayerToAnotherShapeNamesBothShapes() {
        Dense dense = new Dense(2);
        dense.apply(Input.tensor(3));
        var e = assertThrows(IllegalArgumentException.class, () -> dense.apply(Input.tensor(4)));
        assertTrue(e.getMessage().contains(dense.name()) && e.getMessage().contains("3")
                && e.getMessage().contains("4"), e.getMessage());
    }

    private static Functional twoHeads() {
        SymbolicTensor x = Input.tensor("x", 3);
        SymbolicTensor h = new Dense(4, "relu").named("h").apply(x);
        return Model.of(List.of(x), List.of(new Dense(1, "sigmoid").named("p").apply(h),
                new Dense(2).named("v").apply(h)));
    }

    @Test
    void flatMetricsOnSeveralOutputsAreRefusedAsInKeras() {
        Functional model = twoHeads();
        model.compile(CompileOptions.builder().loss("mse").metrics("mae").build());
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(List.of(data(4, 3, 1)), List.of(data(4, 1, 2), data(4, 2, 3)), FitOptions.epochs(1)));
        assertTrue(e.getMessage().contains("per output") && e.getMessage().contains("[p, v]"), e.getMessage());
    }

    @Test
    void aLossForAnUnknownOutputIsRefused() {
        Functional model = twoHeads();
        model.compile(CompileOptions.builder().loss("mse").outputLoss("nope", "mae").build());
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(List.of(data(4, 3, 1)), List.of(data(4, 1, 2), data(4, 2, 3)), FitOptions.epochs(1)));
        assertTrue(e.getMessage().contains("\"nope\"") && e.getMessage().contains("[p, v]"), e.getMessage());
    }

    @Test
    void theNumberOfTargetArraysMustMatchTheOutputs() {
        Functional model = twoHeads();
        model.compile("mse");
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(List.of(data(4, 3, 1)), List.of(data(4, 1, 2)), FitOptions.epochs(1)));
        assertTrue(e.getMessage().contains("2 output(s)") && e.getMessage().contains("got 1 target"), e.getMessage());
    }

    @Test
    void classWeightNeedsASingleOutput() {
        Functional model = twoHeads();
        model.compile("mse");
        var e = assertThrows(IllegalArgumentException.class, () -> model.fit(List.of(data(4, 3, 1)),
                List.of(data(4, 1, 2), data(4, 2, 3)), FitOptions.builder().classWeight(Map.of(0, 2f)).build()));
        assertTrue(e.getMessage().contains("class_weight"), e.getMessage());
    }

    @Test
    void validationDataGivesPerOutputValidationLogs() {
        Functional model = twoHeads();
        model.compile(CompileOptions.builder().loss("mse").outputMetrics("p", "mae").build());
        History h = model.fit(List.of(data(8, 3, 1)), List.of(data(8, 1, 2), data(8, 2, 3)), FitOptions.builder()
                .epochs(2).verbose(0).validationData(List.of(data(4, 3, 4)), List.of(data(4, 1, 5), data(4, 2, 6)))
                .build());
        assertEquals(List.of("loss", "p_loss", "p_mae", "v_loss", "val_loss", "val_p_loss", "val_p_mae", "val_v_loss"),
                List.copyOf(h.history().keySet()));
        double total = h.history().get("val_loss").get(1);
        assertEquals(h.history().get("val_p_loss").get(1) + h.history().get("val_v_loss").get(1), total, 1e-6);
    }

    @Test
    void aModelUsedTwiceAsALayerSharesItsWeights() {
        Sequential encoder = new Sequential("encoder", Input.shape(3), new Dense(2, "tanh"));
        SymbolicTensor a = Input.tensor("a", 3);
        SymbolicTensor b = Input.tensor("b", 3);
        SymbolicTensor ea = encoder.apply(a);
        SymbolicTensor eb = encoder.apply(b);
        assertSame(ea.layer(), eb.layer());
        Functional siamese = Model.of(List.of(a, b), List.of(ea, eb));
        assertEquals(encoder.countParams(), siamese.countParams());
        float[] before = encoder.getWeights().get(0);
        siamese.compile(CompileOptions.builder().loss("mse").optimizer(new SGD(0.1f)).build());
        siamese.fit(List.of(data(6, 3, 1), data(6, 3, 2)), List.of(data(6, 2, 3), data(6, 2, 4)),
                FitOptions.builder().epochs(1).verbose(0).build());
        assertNotEquals(before[0], encoder.getWeights().get(0)[0]);
        List<Tensor> out = siamese.predictAll(List.of(data(2, 3, 1), data(2, 3, 1)), 32, 0);
        assertArrayEquals(out.get(0).data(), out.get(1).data(), 0f);
    }

    @Test
    void aFunctionalModelCanBeALayerOfASequential() {
        SymbolicTensor x = Input.tensor(4);
        Functional block = Model.of(x, new Dense(3, "relu").apply(x));
        Sequential model = new Sequential(Input.shape(4), block.asLayer(), new Dense(1));
        assertEquals(block.countParams() + 4, model.countParams());
        assertEquals(Shape.of(1), model.outputShape());
        model.compile("mse", "adam");
        model.fit(data(8, 4, 1), data(8, 1, 2), FitOptions.builder().epochs(2).verbose(0).build());
    }

    @Test
    void steadyStateTrainStepOfAFunctionalChainAllocatesNothing() {
        // ReLU, a linear output, mse and SGD: what is measured is the graph's own bookkeeping, not the
        // Vector API kernels (their allocation is TrainStepAllocationTest's business).
        SymbolicTensor x = Input.tensor(6);
        Functional model = Model.of(x, new Dense(3).apply(new Dense(8, "relu").apply(x)));
        model.compile(CompileOptions.builder().loss("mse").optimizer("sgd").metrics("mae").build());
        Tensor xs = data(16, 6, 1);
        Tensor ys = data(16, 3, 2);
        assertEquals(0, Allocations.steadyStateBytes(() -> model.trainStep(xs, ys, null)));
    }
}
