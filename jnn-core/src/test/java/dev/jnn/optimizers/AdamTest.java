package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdamTest {
    private static final int STEPS = 10;

    /** Adam in Keras's form, in double; state = [m, v, vHat]. */
    static Harness.ElementRule rule(double b1, double b2, double eps, boolean amsgrad, double weightDecay) {
        return new Harness.ElementRule() {
            public double[] initialState() {
                return new double[3];
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                w -= w * weightDecay * lr;
                s[0] = b1 * s[0] + (1 - b1) * g;
                s[1] = b2 * s[1] + (1 - b2) * g * g;
                s[2] = Math.max(s[2], s[1]);
                double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                return w - alpha * s[0] / (Math.sqrt(amsgrad ? s[2] : s[1]) + eps);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void matchesFormulaInDouble(boolean amsgrad) {
        Random random = new Random(11);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        Adam adam = Adam.builder().learningRate(0.02f).beta1(0.8).beta2(0.6).epsilon(1e-6).amsgrad(amsgrad).build();
        assertClose("Adam", Harness.reference(w0, grads, Harness.constant(0.02, STEPS), rule(0.8, 0.6, 1e-6, amsgrad, 0)),
                Harness.run(adam, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void firstStepMovesEveryWeightByTheLearningRate() {
        // At t = 1, m = (1-β1)g and v = (1-β2)g², so α·m/sqrt(v) = lr·sign(g) (up to ε).
        var params = Harness.parameters(new float[][] {{0.5f, -0.25f, 2f}});
        Harness.setGradients(params, new float[][] {{3f, -0.5f, 100f}});
        new Adam(0.1f).applyGradients(params);
        assertClose("w", new double[] {0.4, -0.15, 1.9}, params.get(0).value().data(), 0, 1e-5);
    }

    @Test
    void variablesFollowKerasOrder() {
        Adam adam = Adam.builder().amsgrad(true).build();
        adam.build(Harness.parameters(new float[][] {{1, 2}, {3}}));
        assertEquals(List.of("iteration", "learning_rate", "kernel_momentum", "kernel_velocity", "bias_momentum",
                "bias_velocity", "kernel_velocity_hat", "bias_velocity_hat"), adam.variableNames());
        assertEquals(8, adam.variables().size());
    }
}
