package dev.jnn.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties every activation shares: in-place forward, argument checks. */
class ActivationContractTest {
    private static List<ActivationFunction> all() {
        var all = new ArrayList<ActivationFunction>();
        for (String name : Activations.names()) {
            all.add(Activations.get(name));
        }
        all.addAll(List.of(new Relu(0.1f, 4f, 1f), new Gelu(true), new LeakyRelu(0.05f), new Elu(0.5f)));
        return all;
    }

    @Test
    void forwardMayWriteOverItsInput() {
        float[] x = {-2.5f, -0.3f, 0f, 0.8f, 1.9f, 4.4f};
        for (ActivationFunction f : all()) {
            float[] expected = ActivationChecks.forward(f, x, 2, 3);
            float[] inPlace = x.clone();
            f.forward(inPlace, inPlace, 2, 3);
            assertArrayEquals(expected, inPlace, f.name() + " in place");
        }
    }

    @Test
    void emptyBlocksAreAllowed() {
        for (ActivationFunction f : all()) {
            f.forward(new float[0], new float[0], 0, 5);
            f.backward(new float[0], new float[0], new float[0], new float[0], 3, 0);
        }
    }

    @Test
    void shortArraysAndNegativeSizesAreRejected() {
        for (ActivationFunction f : all()) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> f.forward(new float[5], new float[6], 2, 3));
            assertTrue(e.getMessage().contains(f.name()) && e.getMessage().contains("5"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> f.backward(new float[6], new float[6], new float[6], new float[4], 2, 3));
            assertThrows(IllegalArgumentException.class, () -> f.forward(new float[6], new float[6], -1, 3));
        }
    }
}
