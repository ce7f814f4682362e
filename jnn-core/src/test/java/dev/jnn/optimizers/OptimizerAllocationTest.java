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
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax", "nadam", "lion"})
    void stepsAllocateNothingOnceBuilt(String name) {
        Optimizer optimizer = name.equals("sgd")
                ? SGD.builder().momentum(0.9).nesterov(true).globalClipnorm(1f).weightDecay(0.01f).build()
                : Optimizers.fromConfig(name, Map.of("clipnorm", 1.0, "weight_decay", 0.01));
        List<Parameter> params = Harness.parameters(Harness.randomValues(new Random(1)));
        Harness.setGradients(params, Harness.randomGradients(new Random(2), 1)[0]);
        assertEquals(0, Allocations.steadyStateBytes(() -> optimizer.applyGradients(params)),
                name + ": bytes allocated by 100 steps");
    }
}
