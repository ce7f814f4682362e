package dev.jnn.optimizers;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helpers: parameters with gradients, multi-step runs, and a double-precision reference runner. */
final class Harness {
    private Harness() {
    }

    /** A trainable parameter holding a copy of {@code values} with the given shape. */
    static Parameter parameter(String name, float[] values, int... shape) {
        return new Parameter(name, new Tensor(Shape.of(shape), values.clone()), true);
    }

    /** Two parameters, {@code kernel [3, 4]} and {@code bias [4]}, with uniform random values in [-1, 1). */
    static float[][] randomValues(Random random) {
        return new float[][] {uniform(random, 12), uniform(random, 4)};
    }

    /** {@code steps} gradients for the parameters of {@link #randomValues}, standard normal. */
    static float[][][] randomGradients(Random random, int steps) {
        float[][][] grads = new float[steps][][];
        for (int s = 0; s < steps; s++) {
            grads[s] = new float[][] {normal(random, 12), normal(random, 4)};
        }
        return grads;
    }

    static float[] uniform(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextFloat() * 2 - 1;
        }
        return a;
    }

    static float[] normal(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    /** Parameters named {@code kernel}, {@code bias}, ... holding copies of {@code values} (flat: shapes do not matter to an optimizer). */
    static List<Parameter> parameters(float[][] values) {
        List<Parameter> params = new ArrayList<>();
        for (int p = 0; p < values.length; p++) {
            params.add(parameter(p == 0 ? "kernel" : "bias", values[p], values[p].length));
        }
        return params;
    }

    /** Copies {@code grads[p]} into the gradient buffer of each parameter. */
    static void setGradients(List<Parameter> params, float[][] grads) {
        for (int p = 0; p < params.size(); p++) {
            System.arraycopy(grads[p], 0, params.get(p).grad(), 0, grads[p].length);
        }
    }

    /** Runs one {@code applyGradients} per entry of {@code grads} and returns the final values. */
    static float[][] run(Optimizer optimizer, List<Parameter> params, float[][][] grads) {
        for (float[][] step : grads) {
            setGradients(params, step);
            optimizer.applyGradients(params);
        }
        float[][] out = new float[params.size()][];
        for (int p = 0; p < params.size(); p++) {
            out[p] = params.get(p).value().data().clone();
        }
        return out;
    }

    /** A fresh pair of parameters from {@code values}, run through {@code optimizer}. */
    static float[][] run(Optimizer optimizer, float[][] values, float[][][] grads) {
        return run(optimizer, parameters(values), grads);
    }

    /**
     * One element's update rule in double, written independently of the code under test. {@code state}
     * starts as {@link #initialState()} and persists across steps; {@code t} is the 1-based step.
     */
    interface ElementRule {
        double[] initialState();

        double step(int t, double w, double g, double lr, double[] state);
    }

    /** Applies {@code rule} to every element for every step, in double; {@code lr[t-1]} is step t's rate. */
    static double[][] reference(float[][] values, float[][][] grads, double[] lr, ElementRule rule) {
        double[][] w = new double[values.length][];
        double[][][] state = new double[values.length][][];
        for (int p = 0; p < values.length; p++) {
            w[p] = new double[values[p].length];
            state[p] = new double[values[p].length][];
            for (int i = 0; i < w[p].length; i++) {
                w[p][i] = values[p][i];
                state[p][i] = rule.initialState();
            }
        }
        for (int s = 0; s < grads.length; s++) {
            for (int p = 0; p < values.length; p++) {
                for (int i = 0; i < w[p].length; i++) {
                    w[p][i] = rule.step(s + 1, w[p][i], grads[s][p][i], lr[s], state[p][i]);
                }
            }
        }
        return w;
    }

    /** The same learning rate for {@code steps} steps. */
    static double[] constant(double lr, int steps) {
        double[] a = new double[steps];
        java.util.Arrays.fill(a, lr);
        return a;
    }

    /** Asserts {@code |actual - expected| <= absolute + relative * |expected|} element-wise. */
    static void assertClose(String what, double[] expected, float[] actual, double relative, double absolute) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= absolute + relative * Math.abs(expected[i]))) {
                fail(String.format("%s[%d]: expected %.9g, got %.9g (error %.3g)", what, i, expected[i], actual[i], error));
            }
        }
    }

    static void assertClose(String what, double[][] expected, float[][] actual, double relative, double absolute) {
        for (int p = 0; p < expected.length; p++) {
            assertClose(what + "[param " + p + "]", expected[p], actual[p], relative, absolute);
        }
    }

    static void assertClose(String what, float[] expected, float[] actual, double relative, double absolute) {
        double[] e = new double[expected.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = expected[i];
        }
        assertClose(what, e, actual, relative, absolute);
    }
}
