package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.models.CompileOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.Allocations;
import org.junit.jupiter.api.Test;

/** A steady-state training step through DepthwiseConv2D, SeparableConv2D and Conv2DTranspose allocates nothing. */
class ConvxAllocationTest {
    @Test
    void steadyStateTrainStepAllocatesNothing() {
        SeedGenerator.setGlobalSeed(5);
        var model = new Sequential(Input.shape(6, 6, 2),
                DepthwiseConv2D.builder(3).padding("same").depthMultiplier(2).activation("relu").build(),
                SeparableConv2D.builder(3, 3).strides(2).padding("same").activation("tanh").build(),
                Conv2DTranspose.builder(2, 3).strides(2).padding("same").build(),
                new Flatten(), new Dense(3, "softmax"));
        model.compile(CompileOptions.builder().loss("categorical_crossentropy").optimizer("adam").build());
        Tensor x = Tensor.zeros(8, 6, 6, 2);
        Tensor y = Tensor.zeros(8, 3);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) Math.sin(i);
        }
        for (int r = 0; r < 8; r++) {
            y.data()[r * 3 + r % 3] = 1f;
        }
        long allocated = Allocations.steadyStateBytes(() -> model.trainStep(x, y, null));
        assertEquals(0, allocated, "bytes allocated by 100 steady-state training steps");
    }
}
