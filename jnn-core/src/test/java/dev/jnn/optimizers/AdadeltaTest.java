package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdadeltaTest {
    private static final int STEPS = 8;

    @Test
    void matchesFormulaInDouble() {
        Random random = new Random(19);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        double rho = 0.85;
        double eps = 1e-4;
        Harness.ElementRule rule = new Harness.ElementRule() {
            public double[] initialState() {
                return new double[2];   // accumulated grad, accumulated delta
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                s[0] = rho * s[0] + (1 - rho) * g * g;
                double delta = -Math.sqrt(s[1] + eps) / Math.sqrt(s[0] + eps) * g;
                s[1] = rho * s[1] + (1 - rho) * delta * delta;
                return w + lr * delta;
            }
        };
        Adadelta adadelta = Adadelta.builder().learningRate(0.5f).rho(rho).epsilon(eps).build();
        assertClose("Adadelta", Harness.reference(w0, grads, Harness.constant(0.5, STEPS), rule),
                Harness.run(adadelta, w0, grads), 1e-5, 1e-6);
    }
}
