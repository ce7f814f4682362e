package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnn.models.CompileOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A steady-state training step through DepthwiseConv2D, SeparableConv2D and Conv2DTranspose allocates nothing. */
class ConvxAllocationTest {
    @Test
    void steadyStateTrainStepAllocatesNothing() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        var counter = (com.sun.management.ThreadMXBean) threads;
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
        // as in ConvAllocationTest: windows of 100 steps until C2 has compiled the kernels
        long allocated = -1;
        for (int window = 0; window < 60 && allocated != 0; window++) {
            long before = counter.getThreadAllocatedBytes(Thread.currentThread().threadId());
            for (int i = 0; i < 100; i++) {
                model.trainStep(x, y, null);
            }
            allocated = counter.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
        }
        assertEquals(0, allocated, "bytes allocated by 100 steady-state training steps");
    }
}
