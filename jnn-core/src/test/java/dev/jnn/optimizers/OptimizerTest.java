package dev.jnn.optimizers;

import static dev.jnn.optimizers.Harness.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared machinery of {@link Optimizer}: clipping, weight decay, schedules, state, bookkeeping. */
class OptimizerTest {

    /** Applies one step with {@code grads} and returns w_before - w_after for each parameter. */
    private static double[][] displacement(Optimizer optimizer, float[][] w0, float[][] grads) {
        List<Parameter> params = Harness.parameters(w0);
        Harness.setGradients(params, grads);
        optimizer.applyGradients(params);
        double[][] d = new double[w0.length][];
        for (int p = 0; p < w0.length; p++) {
            d[p] = new double[w0[p].length];
            for (int i = 0; i < d[p].length; i++) {
                d[p][i] = (double) w0[p][i] - params.get(p).value().data()[i];
            }
        }
        return d;
    }

    private static double norm(float[]... arrays) {
        double sum = 0;
        for (float[] a : arrays) {
            for (float x : a) {
                sum += (double) x * x;
            }
        }
        return Math.sqrt(sum);
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(floats = {0.5f, 2f, 100f})
    void clipnormRescalesEachGradientOnItsOwn(float clipnorm) {
        Random random = new Random(3);
        float[][] w0 = Harness.randomValues(random);
        float[][] g = Harness.randomGradients(random, 1)[0];
        double[][] d = displacement(SGD.builder().learningRate(1f).clipnorm(clipnorm).build(), w0, g);
        for (int p = 0; p < g.length; p++) {
            double scale = clipnorm / Math.max(norm(g[p]), clipnorm);
            double[] expected = new double[g[p].length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = g[p][i] * scale;
            }
            assertClose("clipped gradient " + p, expected, toFloat(d[p]), 1e-5, 1e-6);
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {0.5f, 100f})
    void globalClipnormRescalesAllGradientsTogether(float clipnorm) {
        Random random = new Random(4);
        float[][] w0 = Harness.randomValues(random);
        float[][] g = Harness.randomGradients(random, 1)[0];
        double scale = clipnorm / Math.max(norm(g[0], g[1]), clipnorm);
        double[][] d = displacement(SGD.builder().learningRate(1f).globalClipnorm(clipnorm).build(), w0, g);
        for (int p = 0; p < g.length; p++) {
            double[] expected = new double[g[p].length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = g[p][i] * scale;
            }
            assertClose("clipped gradient " + p, expected, toFloat(d[p]), 1e-5, 1e-6);
        }
    }

    @Test
    void globalClipnormTurnsANonFiniteNormIntoNaN() {
        List<Parameter> params = Harness.parameters(new float[][] {{1f, 2f}, {3f}});
        Harness.setGradients(params, new float[][] {{Float.POSITIVE_INFINITY, 0f}, {1f}});
        SGD.builder().globalClipnorm(1f).build().applyGradients(params);
        assertTrue(Float.isNaN(params.get(1).value().data()[0]));
    }

    @Test
    void clipvalueClipsElements() {
        float[][] g = {{-2f, -0.1f, 0.3f, 5f}};
        double[][] d = displacement(SGD.builder().learningRate(1f).clipvalue(0.25f).build(), new float[][] {{0, 0, 0, 0}}, g);
        assertClose("clipped", new double[] {-0.25, -0.1, 0.25, 0.25}, toFloat(d[0]), 1e-6, 1e-7);
    }

    @Test
    void zeroClipnormClipsNothingAsInKeras() {
        double[][] d = displacement(SGD.builder().learningRate(1f).clipnorm(0f).build(),
                new float[][] {{0, 0}}, new float[][] {{3f, 4f}});
        assertClose("unclipped", new double[] {3, 4}, toFloat(d[0]), 1e-6, 1e-7);
    }

    @Test
    void clippingWritesTheGradientBuffersInPlace() {
        List<Parameter> params = Harness.parameters(new float[][] {{0f, 0f}});
        Harness.setGradients(params, new float[][] {{3f, 4f}});
        SGD.builder().clipnorm(1f).build().applyGradients(params);
        assertArrayEquals(new float[] {0.6f, 0.8f}, params.get(0).grad(), 1e-6f);
    }

    @Test
    void weightDecayShrinksBeforeTheUpdateWithThisStepsRate() {
        // Rates 0.5 for steps 0-1 and 0.25 afterwards; decay uses the same rate as the update.
        var schedule = new PiecewiseConstantDecay(new long[] {1}, new float[] {0.5f, 0.25f});
        Random random = new Random(5);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, 4);
        double wd = 0.1;
        Harness.ElementRule rule = new Harness.ElementRule() {
            public double[] initialState() {
                return new double[0];
            }

            public double step(int t, double w, double g, double lr, double[] s) {
                return w - w * wd * lr - lr * g;
            }
        };
        SGD sgd = SGD.builder().learningRate(schedule).weightDecay(0.1f).build();
        assertClose("SGD + weight decay", Harness.reference(w0, grads, new double[] {0.5, 0.5, 0.25, 0.25}, rule),
                Harness.run(sgd, w0, grads), 1e-5, 1e-6);
    }

    @Test
    void excludedParametersAreNotDecayed() {
        float[][] w0 = {{1f, 2f}, {4f}};
        float[][] zero = {{0f, 0f}, {0f}};
        SGD byName = SGD.builder().learningRate(1f).weightDecay(0.5f).build();
        byName.excludeFromWeightDecayByName("bi.s");
        double[][] d = displacement(byName, w0, zero);
        assertClose("kernel decayed", new double[] {0.5, 1}, toFloat(d[0]), 1e-6, 1e-7);
        assertClose("bias kept", new double[] {0}, toFloat(d[1]), 0, 0);

        List<Parameter> params = Harness.parameters(w0);
        SGD byObject = SGD.builder().learningRate(1f).weightDecay(0.5f).build();
        byObject.excludeFromWeightDecay(List.of(params.get(0)));
        Harness.setGradients(params, zero);
        byObject.applyGradients(params);
        assertArrayEquals(new float[] {1f, 2f}, params.get(0).value().data());
        assertArrayEquals(new float[] {2f}, params.get(1).value().data());
        assertThrows(IllegalStateException.class, () -> byObject.excludeFromWeightDecayByName("bias"));
    }

    @Test
    void scheduleIsEvaluatedAtTheStepCountBeforeTheIncrement() {
        var schedule = new ExponentialDecay(1f, 1, 0.5f);
        SGD sgd = SGD.builder().learningRate(schedule).build();
        List<Parameter> params = Harness.parameters(new float[][] {{0f}});
        float[] expectedRates = {1f, 0.5f, 0.25f, 0.125f};
        float w = 0;
        for (float rate : expectedRates) {
            assertEquals(rate, sgd.currentLearningRate());
            Harness.setGradients(params, new float[][] {{1f}});
            sgd.applyGradients(params);
            w -= rate;
            assertEquals(w, params.get(0).value().data()[0], 1e-7);
        }
        assertEquals(4, sgd.iterations());
        assertEquals(List.of("iteration"), sgd.variableNames());   // Keras keeps no learning_rate variable
        assertThrows(IllegalStateException.class, () -> sgd.setLearningRate(0.1f));
    }

    @Test
    void setLearningRateChangesTheVariableAndTheConfig() {
        Adam adam = new Adam();
        adam.setLearningRate(0.25f);
        assertEquals(0.25f, adam.currentLearningRate());
        assertEquals(0.25f, adam.variables().get(1).data()[0]);
        assertEquals(0.25, adam.config().get("learning_rate"));
        var e = assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(-1f));
        assertEquals("learningRate must be a finite number >= 0, got -1.0", e.getMessage());
    }

    @Test
    void iterationsVariableCountsSteps() {
        Adam adam = new Adam();
        List<Parameter> params = Harness.parameters(new float[][] {{1f}});
        assertEquals(List.of("iteration", "learning_rate"), adam.variableNames());
        for (int i = 0; i < 3; i++) {
            Harness.setGradients(params, new float[][] {{1f}});
            adam.applyGradients(params);
        }
        assertEquals(3, adam.iterations());
        assertEquals(3f, adam.variables().get(0).data()[0]);
    }

    @Test
    void setVariablesRestoresTheWholeState() {
        Random random = new Random(9);
        float[][] w0 = Harness.randomValues(random);
        float[][][] grads = Harness.randomGradients(random, 6);
        List<Parameter> a = Harness.parameters(w0);
        Nadam first = new Nadam(0.05f);
        Harness.run(first, a, java.util.Arrays.copyOfRange(grads, 0, 3));

        // A fresh optimizer on copies of the trained values, given the saved state, continues identically.
        float[][] trained = {a.get(0).value().data().clone(), a.get(1).value().data().clone()};
        List<Parameter> b = Harness.parameters(trained);
        Nadam second = new Nadam(0.05f);
        second.build(b);
        List<Tensor> saved = new ArrayList<>();
        for (Tensor t : first.variables()) {
            saved.add(t.copy());
        }
        second.setVariables(saved);
        assertEquals(3, second.iterations());
        float[][] outA = Harness.run(first, a, java.util.Arrays.copyOfRange(grads, 3, 6));
        float[][] outB = Harness.run(second, b, java.util.Arrays.copyOfRange(grads, 3, 6));
        assertArrayEquals(outA[0], outB[0]);
        assertArrayEquals(outA[1], outB[1]);

        saved.set(2, Tensor.zeros(Shape.of(5)));
        var e = assertThrows(IllegalArgumentException.class, () -> second.setVariables(saved));
        assertEquals("optimizer variable kernel_momentum has shape [12], got [5]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> second.setVariables(saved.subList(0, 3)));
        assertThrows(IllegalStateException.class, () -> new Adam().setVariables(saved));
    }

    @Test
    void unknownParametersAreRefused() {
        Adam adam = new Adam();
        List<Parameter> params = Harness.parameters(new float[][] {{1f}});
        Harness.setGradients(params, new float[][] {{1f}});
        adam.applyGradients(params);
        Parameter stranger = Harness.parameter("other", new float[] {1f}, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> adam.applyGradients(List.of(stranger)));
        assertTrue(e.getMessage().startsWith("unknown parameter Parameter(other, [1])"), e.getMessage());
    }

    @Test
    void aSubsetOfTheBuiltParametersCanBeUpdated() {
        List<Parameter> params = Harness.parameters(new float[][] {{1f}, {2f}});
        SGD sgd = new SGD(1f);
        sgd.build(params);
        Harness.setGradients(params, new float[][] {{1f}, {1f}});
        sgd.applyGradients(List.of(params.get(1)));
        assertEquals(1f, params.get(0).value().data()[0]);
        assertEquals(1f, params.get(1).value().data()[0]);
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        Parameter frozen = new Parameter("frozen", Tensor.of(new float[] {5f}), false);   // no gradient buffer
        List<Parameter> params = new ArrayList<>(Harness.parameters(new float[][] {{1f}}));
        params.add(frozen);
        Harness.setGradients(params.subList(0, 1), new float[][] {{1f}});
        SGD sgd = SGD.builder().learningRate(1f).weightDecay(0.5f).build();
        sgd.applyGradients(params);
        assertEquals(5f, frozen.value().data()[0]);        // neither decayed nor updated
        assertEquals(-0.5f, params.get(0).value().data()[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> sgd.applyGradients(List.of(frozen)));
        assertTrue(e.getMessage().startsWith("no gradients provided"), e.getMessage());
    }

    @Test
    void anEmptyListIsANoOp() {
        Adam adam = new Adam();
        adam.applyGradients(List.of());
        assertFalse(adam.built());
        assertEquals(0, adam.iterations());
    }

    @Test
    void sgdStepIsTheNegativeGradientOfTheLoss() {
        // f(w) = Σ a_i (w_i - c_i)² + w_0 w_1, with its gradient written out; SGD must move by -lr · ∇f.
        double[] a = {1.5, 0.5, 2.0, 1.0};
        double[] c = {0.3, -0.7, 1.1, 0.0};
        java.util.function.ToDoubleFunction<float[]> f = w -> {
            double sum = w[0] * (double) w[1];
            for (int i = 0; i < w.length; i++) {
                sum += a[i] * (w[i] - c[i]) * (w[i] - c[i]);
            }
            return sum;
        };
        float[] w = {0.2f, 0.4f, -0.5f, 0.9f};
        float[] grad = new float[4];
        for (int i = 0; i < 4; i++) {
            grad[i] = (float) (2 * a[i] * (w[i] - c[i]));
        }
        grad[0] += w[1];
        grad[1] += w[0];
        float lr = 0.01f;
        List<Parameter> params = List.of(Harness.parameter("w", w, 4));
        Harness.setGradients(params, new float[][] {grad});
        new SGD(lr).applyGradients(params);
        float[] step = new float[4];
        for (int i = 0; i < 4; i++) {
            step[i] = (w[i] - params.get(0).value().data()[i]) / lr;
        }
        GradientCheck.assertGradient("SGD step / lr", w.clone(), step, f, 1e-3, 1e-2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax", "nadam", "lion"})
    void everyOptimizerMinimizesAQuadratic(String name) {
        Map<String, Object> config = switch (name) {
            case "sgd" -> Map.of("learning_rate", 0.1, "momentum", 0.5);
            case "adagrad" -> Map.of("learning_rate", 0.5);
            case "adadelta" -> Map.of("learning_rate", 1.0, "epsilon", 1e-3);
            case "lion" -> Map.of("learning_rate", 0.01);
            case "rmsprop" -> Map.of("learning_rate", 0.02);
            default -> Map.of("learning_rate", 0.05);
        };
        Optimizer optimizer = Optimizers.fromConfig(name, config);
        double[] a = {1.0, 0.5, 2.0};
        double[] c = {0.8, -0.6, 0.3};
        List<Parameter> params = List.of(Harness.parameter("w", new float[] {-1f, 1f, 2f}, 3));
        float[] w = params.get(0).value().data();
        double initial = quadratic(w, a, c);
        for (int step = 0; step < 300; step++) {
            float[] g = params.get(0).grad();
            for (int i = 0; i < 3; i++) {
                g[i] = (float) (2 * a[i] * (w[i] - c[i]));
            }
            optimizer.applyGradients(params);
        }
        double last = quadratic(w, a, c);
        assertTrue(last < initial * 1e-2, name + ": loss " + initial + " -> " + last);
    }

    private static double quadratic(float[] w, double[] a, double[] c) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += a[i] * (w[i] - c[i]) * (w[i] - c[i]);
        }
        return sum;
    }
}
