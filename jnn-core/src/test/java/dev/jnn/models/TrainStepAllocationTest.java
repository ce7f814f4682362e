package dev.jnn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnn.layers.Activation;
import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.Reshape;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A steady-state training step allocates nothing: buffers are reused from step to step. */
class TrainStepAllocationTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "sgd", "rmsprop", "nadam"})
    void steadyStateTrainStepAllocatesNothing(String optimizer) {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var counter = (com.sun.management.ThreadMXBean) threads;
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
        for (int i = 0; i < 30_000; i++) {
            model.trainStep(x, y, null);
        }
        long before = counter.getThreadAllocatedBytes(Thread.currentThread().threadId());
        for (int i = 0; i < 100; i++) {
            model.trainStep(x, y, null);
        }
        long allocated = counter.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
        assertEquals(0, allocated, "bytes allocated by 100 steady-state training steps");
    }
}
