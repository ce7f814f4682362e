package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SGDTest {
    private static final int STEPS = 8;

    /** Keras's SGD rule in double: v = μv - lr·g; w += v (or w += μv - lr·g with Nesterov). */
    private static Harness.ElementRule rule(double mu, boolean nesterov) {
        return new Harness.ElementRule() {
            public double[] initialState() {
                return new double[1];
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                if (mu == 0) {
                    return w - lr * g;
                }
                s[0] = mu * s[0] - lr * g;
                return nesterov ? w + mu * s[0] - lr * g : w + s[0];
            }
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void matchesFormulaInDouble(long seed) {
        Random random = new Random(seed);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        double[] lr = Harness.constant(0.05, STEPS);
        assertClose("plain", Harness.reference(w0, grads, lr, rule(0, false)),
                Harness.run(new SGD(0.05f), w0, grads), 1e-5, 1e-6);
        assertClose("momentum", Harness.reference(w0, grads, lr, rule(0.8, false)),
                Harness.run(SGD.builder().learningRate(0.05f).momentum(0.8).build(), w0, grads), 1e-5, 1e-6);
        assertClose("nesterov", Harness.reference(w0, grads, lr, rule(0.8, true)),
                Harness.run(SGD.builder().learningRate(0.05f).momentum(0.8).nesterov(true).build(), w0, grads), 1e-5, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, 0.9f})
    void createsMomentumSlotsOnlyWithMomentum(float momentum) {
        SGD sgd = SGD.builder().momentum(momentum).build();
        sgd.build(Harness.parameters(new float[][] {{1, 2}, {3}}));
        List<String> expected = momentum == 0 ? List.of("iteration", "learning_rate")
                : List.of("iteration", "learning_rate", "kernel_momentum", "bias_momentum");
        assertEquals(expected, sgd.variableNames());
    }
}
