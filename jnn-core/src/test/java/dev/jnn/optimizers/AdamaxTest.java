package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdamaxTest {
    private static final int STEPS = 10;

    @Test
    void matchesFormulaInDouble() {
        Random random = new Random(23);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        double b1 = 0.85;
        double b2 = 0.7;
        double eps = 1e-6;
        Harness.ElementRule rule = new Harness.ElementRule() {
            public double[] initialState() {
                return new double[2];   // m, u
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                s[0] = b1 * s[0] + (1 - b1) * g;
                s[1] = Math.max(b2 * s[1], Math.abs(g));
                return w - lr / (1 - Math.pow(b1, t)) * s[0] / (s[1] + eps);
            }
        };
        Adamax adamax = Adamax.builder().learningRate(0.03f).beta1(b1).beta2(b2).epsilon(eps).build();
        assertClose("Adamax", Harness.reference(w0, grads, Harness.constant(0.03, STEPS), rule),
                Harness.run(adamax, w0, grads), 1e-5, 1e-6);
    }
}
