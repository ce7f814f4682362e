package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static dev.jnn.optimizers.KerasReference.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every optimizer against numbers from real Keras (see {@link KerasReference} for the setups). */
class KerasComparisonTest {
    // Both compute in float32 with the same casts; what remains is libm-level rounding (pow, sqrt),
    // so the results agree to a few float ulps (a 1-ulp-off constant such as 1 - 0.999f already fails).
    private static final double RELATIVE = 5e-7;
    private static final double ABSOLUTE = 1e-8;

    private List<Parameter> parameters;

    /** Five Keras-fixture steps on {@code kernel [2, 3]} and {@code bias [3]}. */
    private float[][] run(Optimizer optimizer) {
        parameters = List.of(Harness.parameter("kernel", W0, 2, 3), Harness.parameter("bias", B0, 3));
        float[][][] grads = new float[5][][];
        for (int s = 0; s < 5; s++) {
            grads[s] = new float[][] {GW[s], GB[s]};
        }
        return Harness.run(optimizer, parameters, grads);
    }

    private void check(String what, Optimizer optimizer, float[] expectedKernel, float[] expectedBias) {
        float[][] out = run(optimizer);
        assertClose(what + " kernel", expectedKernel, out[0], RELATIVE, ABSOLUTE);
        assertClose(what + " bias", expectedBias, out[1], RELATIVE, ABSOLUTE);
        assertEquals(5, optimizer.iterations());
    }

    private void checkVariables(Optimizer optimizer, float[]... expected) {
        var variables = optimizer.variables();
        assertEquals(expected.length, variables.size(), "variables " + optimizer.variableNames());
        for (int i = 0; i < expected.length; i++) {
            assertClose("variable " + optimizer.variableNames().get(i), expected[i], variables.get(i).data(),
                    RELATIVE, 1e-7);
        }
    }

    @Test
    void adam() {
        Adam adam = new Adam(0.1f);
        check("Adam", adam, ADAM_W, ADAM_B);
        checkVariables(adam, ADAM_VAR_ITERATION, ADAM_VAR_LEARNING_RATE, ADAM_VAR_KERNEL_MOMENTUM,
                ADAM_VAR_KERNEL_VELOCITY, ADAM_VAR_BIAS_MOMENTUM, ADAM_VAR_BIAS_VELOCITY);
    }

    @Test
    void adamWithSmallBeta2() {
        check("Adam beta2=0.5", Adam.builder().learningRate(0.1f).beta2(0.5f).build(), ADAM_B2_W, ADAM_B2_B);
    }

    @Test
    void adamAmsgrad() {
        check("AMSGrad", Adam.builder().learningRate(0.1f).amsgrad(true).build(), ADAM_AMSGRAD_W, ADAM_AMSGRAD_B);
        // With beta2 = 0.5 the velocity falls at times, so velocity_hat differs from velocity.
        Adam ams = Adam.builder().learningRate(0.1f).beta2(0.5f).amsgrad(true).build();
        check("AMSGrad beta2=0.5", ams, ADAM_AMSGRAD_B2_W, ADAM_AMSGRAD_B2_B);
        checkVariables(ams, ADAM_AMSGRAD_B2_VAR_ITERATION, ADAM_AMSGRAD_B2_VAR_LEARNING_RATE,
                ADAM_AMSGRAD_B2_VAR_KERNEL_MOMENTUM, ADAM_AMSGRAD_B2_VAR_KERNEL_VELOCITY,
                ADAM_AMSGRAD_B2_VAR_BIAS_MOMENTUM, ADAM_AMSGRAD_B2_VAR_BIAS_VELOCITY,
                ADAM_AMSGRAD_B2_VAR_KERNEL_VELOCITY_HAT, ADAM_AMSGRAD_B2_VAR_BIAS_VELOCITY_HAT);
    }

    @Test
    void sgd() {
        check("SGD", new SGD(0.1f), SGD_PLAIN_W, SGD_PLAIN_B);
        check("SGD momentum", SGD.builder().learningRate(0.1f).momentum(0.9f).build(), SGD_MOMENTUM_W, SGD_MOMENTUM_B);
        check("SGD nesterov", SGD.builder().learningRate(0.1f).momentum(0.9f).nesterov(true).build(),
                SGD_NESTEROV_W, SGD_NESTEROV_B);
    }

    @Test
    void rmsprop() {
        check("RMSprop", new RMSprop(0.01f), RMSPROP_W, RMSPROP_B);
        RMSprop centered = RMSprop.builder().learningRate(0.01f).centered(true).momentum(0.5f).build();
        check("RMSprop centered", centered, RMSPROP_CENTERED_W, RMSPROP_CENTERED_B);
        checkVariables(centered, RMSPROP_CENTERED_VAR_ITERATION, RMSPROP_CENTERED_VAR_LEARNING_RATE,
                RMSPROP_CENTERED_VAR_KERNEL_VELOCITY, RMSPROP_CENTERED_VAR_BIAS_VELOCITY,
                RMSPROP_CENTERED_VAR_KERNEL_MOMENTUM, RMSPROP_CENTERED_VAR_BIAS_MOMENTUM,
                RMSPROP_CENTERED_VAR_KERNEL_AVERAGE_GRADIENT, RMSPROP_CENTERED_VAR_BIAS_AVERAGE_GRADIENT);
    }

    @Test
    void adamW() {
        check("AdamW", AdamW.builder().learningRate(0.1f).weightDecay(0.1f).build(), ADAMW_W, ADAMW_B);
    }

    @Test
    void nadam() {
        Nadam nadam = new Nadam(0.1f);
        check("Nadam", nadam, NADAM_W, NADAM_B);
        checkVariables(nadam, NADAM_VAR_ITERATION, NADAM_VAR_LEARNING_RATE, NADAM_VAR_KERNEL_MOMENTUM,
                NADAM_VAR_KERNEL_VELOCITY, NADAM_VAR_BIAS_MOMENTUM, NADAM_VAR_BIAS_VELOCITY, NADAM_VAR_VARIABLE);
    }

    @Test
    void lion() {
        check("Lion", new Lion(0.1f), LION_W, LION_B);
    }

    @Test
    void adagrad() {
        check("Adagrad", new Adagrad(0.1f), ADAGRAD_W, ADAGRAD_B);
    }

    @Test
    void adadelta() {
        check("Adadelta", Adadelta.builder().learningRate(1.0f).rho(0.9f).epsilon(1e-3f).build(), ADADELTA_W, ADADELTA_B);
    }

    @Test
    void adamax() {
        check("Adamax", new Adamax(0.1f), ADAMAX_W, ADAMAX_B);
    }

    @Test
    void clipnorm() {
        check("SGD clipnorm", SGD.builder().learningRate(0.1f).clipnorm(0.5f).build(), SGD_CLIPNORM_W, SGD_CLIPNORM_B);
    }

    @Test
    void globalClipnorm() {
        check("Adam global_clipnorm", Adam.builder().learningRate(0.1f).globalClipnorm(1f).build(),
                ADAM_GLOBAL_CLIPNORM_W, ADAM_GLOBAL_CLIPNORM_B);
    }

    @Test
    void clipvalue() {
        check("SGD clipvalue", SGD.builder().learningRate(0.1f).clipvalue(0.3f).build(), SGD_CLIPVALUE_W, SGD_CLIPVALUE_B);
    }

    @Test
    void weightDecay() {
        check("SGD weight_decay", SGD.builder().learningRate(0.1f).weightDecay(0.05f).build(),
                SGD_WEIGHT_DECAY_W, SGD_WEIGHT_DECAY_B);
    }

    @Test
    void scheduleDrivesBothWeightDecayAndUpdate() {
        Adam adam = Adam.builder().learningRate(new ExponentialDecay(0.1f, 2, 0.5f)).weightDecay(0.2f).build();
        check("Adam schedule + weight_decay", adam, ADAM_SCHEDULE_WD_W, ADAM_SCHEDULE_WD_B);
    }
}
