package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.Reshape;
import dev.jnn.layers.SymbolicTensor;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.Allocations;
import org.junit.jupiter.api.Test;

/** A steady-state training step of a functional model allocates nothing: the graph runs over reused slots. */
class FunctionalAllocationTest {
    @Test
    void steadyStateTrainStepOfAFunctionalChainAllocatesNothing() {
        // The layers and data of TrainStepAllocationTest, as a graph: what is measured is
        // the graph's own bookkeeping on top of kernels known to be allocation-free for these shapes.
        SeedGenerator.setGlobalSeed(5);
        SymbolicTensor x = Input.tensor(12);
        SymbolicTensor h = new Dense(16, "relu").apply(new Flatten().apply(new Reshape(3, 4).apply(x)));
        SymbolicTensor t = new Activation("tanh").apply(new Dense(8).apply(new Dropout(0.1f).apply(h)));
        Functional model = Model.of(x, new Dense(3, "softmax").apply(t));
        model.compile(CompileOptions.builder().loss("categorical_crossentropy").optimizer("adam")
                .metrics("accuracy", "mae").build());
        Tensor xs = Tensor.zeros(32, 12);
        Tensor ys = Tensor.zeros(32, 3);
        for (int i = 0; i < xs.size(); i++) {
            xs.data()[i] = (float) Math.sin(i);
        }
        for (int r = 0; r < 32; r++) {
            ys.data()[r * 3 + r % 3] = 1f;
        }
        assertEquals(0, Allocations.steadyStateBytes(() -> model.trainStep(xs, ys, null)));
    }
}
