package dev.jnn.layers;

import dev.jnn.models.Sequential;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Tensor;
import java.lang.management.ManagementFactory;

/**
 * Trains a small LSTM → Bidirectional(GRU with dropout) → Dense model to a steady state and prints
 * {@code allocated N}, the bytes the training thread allocated in 20 more steps; run in its own JVM by
 * {@link RecurrentLayersTest}. Units are multiples of 8: rows shorter than a vector take the kernels'
 * masked tails, which were measured to allocate for 5 units.
 */
final class RecurrentAllocationProbe {
    private RecurrentAllocationProbe() {
    }

    public static void main(String[] args) {
        var counter = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
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
        for (int i = 0; i < 10_000; i++) {
            model.trainStep(x, y, null);
        }
        long before = counter.getThreadAllocatedBytes(Thread.currentThread().threadId());
        for (int i = 0; i < 20; i++) {
            model.trainStep(x, y, null);
        }
        System.out.println("allocated " + (counter.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before));
    }
}
