package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamWTest {
    private static final int STEPS = 10;

    @Test
    void isAdamAfterDecoupledWeightDecay() {
        Random random = new Random(13);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        AdamW adamw = AdamW.builder().learningRate(0.05f).weightDecay(0.3f).amsgrad(true).build();
        assertClose("AdamW", Harness.reference(w0, grads, Harness.constant(0.05, STEPS),
                AdamTest.rule(0.9, 0.999, 1e-7, true, 0.3)), Harness.run(adamw, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void defaultsAreKeras() {
        AdamW adamw = new AdamW();
        assertEquals(0.004f, adamw.options().weightDecay());
        assertEquals(0.001f, adamw.currentLearningRate());
        assertEquals("adam_w", adamw.name());
        assertEquals(0.9, adamw.beta1());
        assertEquals(0.999, adamw.beta2());
    }

    @Test
    void refusesMissingWeightDecay() {
        var e = assertThrows(IllegalArgumentException.class, () -> AdamW.builder().weightDecay(null).build());
        assertEquals("weightDecay must be a number for AdamW, got null", e.getMessage());
    }
}
