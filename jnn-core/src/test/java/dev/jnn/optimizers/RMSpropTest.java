package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RMSpropTest {
    private static final int STEPS = 8;

    /** RMSprop in double; state = [v, a, m]. */
    private static Harness.ElementRule rule(double rho, double mu, double eps, boolean centered) {
        return new Harness.ElementRule() {
            public double[] initialState() {
                return new double[3];
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                s[0] = rho * s[0] + (1 - rho) * g * g;
                double denominator = s[0] + eps;
                if (centered) {
                    s[1] = rho * s[1] + (1 - rho) * g;
                    denominator -= s[1] * s[1];
                }
                double increment = lr * g / Math.sqrt(denominator);
                if (mu > 0) {
                    s[2] = mu * s[2] + increment;
                    return w - s[2];
                }
                return w - increment;
            }
        };
    }

    @ParameterizedTest
    @CsvSource({"0.0, false", "0.5, false", "0.0, true", "0.7, true"})
    void matchesFormulaInDouble(double momentum, boolean centered) {
        Random random = new Random(7);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, STEPS);
        RMSprop rms = RMSprop.builder().learningRate(0.01f).rho(0.8).momentum(momentum).epsilon(1e-6)
                .centered(centered).build();
        assertClose("RMSprop", Harness.reference(w0, grads, Harness.constant(0.01, STEPS), rule(0.8, momentum, 1e-6, centered)),
                Harness.run(rms, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void slotsAreCreatedKindByKindAsKerasDoes() {
        RMSprop rms = RMSprop.builder().momentum(0.5).centered(true).build();
        rms.build(Harness.parameters(new float[][] {{1, 2}, {3}}));
        assertEquals(List.of("iteration", "learning_rate", "kernel_velocity", "bias_velocity", "kernel_momentum",
                "bias_momentum", "kernel_average_gradient", "bias_average_gradient"), rms.variableNames());
    }
}
