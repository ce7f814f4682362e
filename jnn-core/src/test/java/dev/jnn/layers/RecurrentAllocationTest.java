package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.Allocations;
import org.junit.jupiter.api.Test;

/** A steady-state training step through LSTM, Bidirectional(GRU with dropout) and Dense allocates nothing. */
class RecurrentAllocationTest {
    @Test
    void steadyStateTrainingStepAllocatesNothing() {
        SeedGenerator.setGlobalSeed(3);
        var model = new Sequential(Input.shape(6, 4), LSTM.builder(8).returnSequences(true).build(),
                new Bidirectional(GRU.builder(8).dropout(0.2f).build()), new Dense(2, "softmax"));
        model.compile("categorical_crossentropy", "adam");
        Tensor x = Tensor.zeros(16, 6, 4);
        Tensor y = Tensor.zeros(16, 2);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i);
        }
        for (int r = 0; r < 16; r++) {
            y.data()[r * 2 + r % 2] = 1f;
        }
        assertEquals(0, Allocations.steadyStateBytes(() -> model.trainStep(x, y, null)),
                "bytes allocated by 100 steady-state training steps");
    }
}
