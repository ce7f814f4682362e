package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.Reshape;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.Allocations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A steady-state training step allocates nothing: buffers are reused from step to step. */
class TrainStepAllocationTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "sgd", "rmsprop", "nadam"})
    void steadyStateTrainStepAllocatesNothing(String optimizer) {
        SeedGenerator.setGlobalSeed(5);
        var model = new Sequential(Input.shape(12), new Reshape(3, 4), new Flatten(), new Dense(16, "relu"),
                new Dropout(0.1f), new Dense(8), new Activation("tanh"), new Dense(3, "softmax"));
        model.compile(CompileOptions.builder().loss("categorical_crossentropy").optimizer(optimizer)
                .metrics("accuracy", "mae").build());
        Tensor x = Tensor.zeros(32, 12);
        Tensor y = Tensor.zeros(32, 3);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i);
        }
        for (int r = 0; r < 32; r++) {
            y.data()[r * 3 + r % 3] = 1f;
        }
        assertEquals(0, Allocations.steadyStateBytes(() -> model.trainStep(x, y, null)),
                "bytes allocated by 100 steady-state training steps");
    }
}
