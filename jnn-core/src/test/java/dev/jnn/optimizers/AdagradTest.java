package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AdagradTest {
    private static final int STEPS = 8;

    @Test
    void matchesFormulaInDouble() {
        Random random = new Random(17);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        double initial = 0.3;
        double eps = 1e-5;
        Harness.ElementRule rule = new Harness.ElementRule() {
            public double[] initialState() {
                return new double[] {initial};
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                s[0] += g * g;
                return w - lr * g / Math.sqrt(s[0] + eps);
            }
        };
        Adagrad adagrad = Adagrad.builder().learningRate(0.1f).initialAccumulatorValue(initial).epsilon(eps).build();
        assertClose("Adagrad", Harness.reference(w0, grads, Harness.constant(0.1, STEPS), rule),
                Harness.run(adagrad, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void accumulatorStartsAtInitialValue() {
        Adagrad adagrad = new Adagrad();
        adagrad.build(Harness.parameters(new float[][] {{1, 2}}));
        assertEquals(0.1f, adagrad.variables().get(2).data()[0]);
        assertEquals(0.1f, adagrad.variables().get(2).data()[1]);
    }
}
