package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NadamTest {
    private static final int STEPS = 10;

    @Test
    void matchesFormulaInDouble() {
        Random random = new Random(29);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        double b1 = 0.8;
        double b2 = 0.9;
        double eps = 1e-6;
        Harness.ElementRule rule = new Harness.ElementRule() {
            public double[] initialState() {
                return new double[2];   // m, v
            }

            private double mu(int t) {
                return b1 * (1 - 0.5 * Math.pow(0.96, t));
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                double product = 1;   // Π_{k<=t} μ_k, recomputed rather than carried
                for (int k = 1; k <= t; k++) {
                    product *= mu(k);
                }
                s[0] = b1 * s[0] + (1 - b1) * g;
                s[1] = b2 * s[1] + (1 - b2) * g * g;
                double mHat = mu(t + 1) * s[0] / (1 - product * mu(t + 1)) + (1 - mu(t)) * g / (1 - product);
                double vHat = s[1] / (1 - Math.pow(b2, t));
                return w - lr * mHat / (Math.sqrt(vHat) + eps);
            }
        };
        Nadam nadam = Nadam.builder().learningRate(0.05f).beta1(b1).beta2(b2).epsilon(eps).build();
        assertClose("Nadam", Harness.reference(w0, grads, Harness.constant(0.05, STEPS), rule),
                Harness.run(nadam, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void uProductIsTheLastVariable() {
        Nadam nadam = new Nadam();
        var params = Harness.parameters(new float[][] {{1, 2}, {3}});
        nadam.build(params);
        assertEquals(List.of("iteration", "learning_rate", "kernel_momentum", "kernel_velocity", "bias_momentum",
                "bias_velocity", "variable"), nadam.variableNames());
        assertEquals(1f, nadam.variables().get(6).data()[0]);
        Harness.setGradients(params, new float[][] {{1, 1}, {1}});
        nadam.applyGradients(params);
        nadam.applyGradients(params);
        double expected = 0.9 * (1 - 0.5 * 0.96) * 0.9 * (1 - 0.5 * 0.96 * 0.96);
        assertEquals(expected, nadam.variables().get(6).data()[0], 1e-6);
    }
}
