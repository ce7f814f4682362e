package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LionTest {
    private static final int STEPS = 8;

    @Test
    void matchesFormulaInDouble() {
        Random random = new Random(31);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        double b1 = 0.8;
        double b2 = 0.95;
        Harness.ElementRule rule = new Harness.ElementRule() {
            public double[] initialState() {
                return new double[1];
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                double direction = Math.signum(b1 * s[0] + (1 - b1) * g);
                s[0] = b2 * s[0] + (1 - b2) * g;
                return w - lr * direction;
            }
        };
        Lion lion = Lion.builder().learningRate(0.01f).beta1(b1).beta2(b2).build();
        assertClose("Lion", Harness.reference(w0, grads, Harness.constant(0.01, STEPS), rule),
                Harness.run(lion, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void zeroGradientOnFreshMomentumDoesNotMove() {
        var params = Harness.parameters(new float[][] {{0.5f, 0.5f}});
        Harness.setGradients(params, new float[][] {{0f, -2f}});
        new Lion(0.1f).applyGradients(params);
        assertEquals(0.5f, params.get(0).value().data()[0]);   // sign(0) = 0
        assertEquals(0.6f, params.get(0).value().data()[1], 1e-7);
    }
}
