package dev.jnn.testing;

import dev.jnn.layers.Layer;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a layer's recorded backward against central differences, for its input and every
 * trainable weight: the scalar probed is {@code sum(r ⊙ layer(x))} for a fixed random {@code r}.
 */
public final class LayerGradientCheck {
    private LayerGradientCheck() {
    }

    /** Checks gradients of {@code layer} at a random batch of per-sample shape {@code sample}. */
    public static void check(Layer layer, Shape sample, int batch, long seed, boolean training) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(sample.withBatch(batch));
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) (random.nextDouble() * 2 - 1);
        }
        layer.build(sample, false);
        Shape outShape = layer.outputShape(sample).withBatch(batch);
        float[] r = new float[outShape.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (random.nextDouble() * 2 - 1);
        }

        x.markRequiresGrad();
        x.zeroGrad();
        for (Parameter p : layer.parameters()) {
            p.value().zeroGrad();
        }
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = layer.call(x, training);
            float[] g = y.grad();
            for (int i = 0; i < r.length; i++) {
                g[i] += r[i];
            }
            tape.backward();
        }
        float[] dx = x.grad().clone();
        GradientCheck.assertGradient(layer.name() + " input", x.data(), dx, v -> probe(layer, x, r, training), 1e-2, 2e-2);
        for (Parameter p : layer.parameters()) {
            if (p.trainable()) {
                float[] dp = p.grad().clone();
                GradientCheck.assertGradient(layer.name() + " " + p.name(), p.value().data(), dp,
                        v -> probe(layer, x, r, training), 1e-2, 2e-2);
            }
        }
    }

    /**
     * Checks gradients of a multi-input layer ({@link Layer#call(List, boolean)}) for every input and
     * every trainable weight, probing {@code sum(r ⊙ y)} over the first output, at inputs
     * drawn uniformly from [-1, 1).
     */
    public static void checkList(Layer layer, List<Shape> samples, int batch, long seed, boolean training) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Tensor> xs = new ArrayList<>();
        for (Shape sample : samples) {
            Tensor x = Tensor.zeros(sample.withBatch(batch));
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) (random.nextDouble() * 2 - 1);
            }
            xs.add(x);
        }
        checkList(layer, xs, seed, training);
    }

    /** As {@link #checkList(Layer, List, int, long, boolean)} at given inputs (their masks are kept). */
    public static void checkList(Layer layer, List<Tensor> xs, long seed, boolean training) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Shape> samples = new ArrayList<>();
        for (Tensor x : xs) {
            samples.add(x.shape().withoutBatch());
        }
        layer.build(samples, false);
        int batch = xs.get(0).rows();
        Shape outShape = layer.outputShapes(samples).get(0).withBatch(batch);
        float[] r = new float[outShape.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (Tensor x : xs) {
            x.markRequiresGrad();
            x.zeroGrad();
        }
        for (Parameter p : layer.parameters()) {
            p.value().zeroGrad();
        }
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = layer.call(xs, training).get(0);
            float[] g = y.grad();
            for (int i = 0; i < r.length; i++) {
                g[i] += r[i];
            }
            tape.backward();
        }
        for (int k = 0; k < xs.size(); k++) {
            Tensor x = xs.get(k);
            float[] dx = x.grad().clone();
            GradientCheck.assertGradient(layer.name() + " input " + k, x.data(), dx,
                    v -> probeList(layer, xs, r, training), 1e-2, 2e-2);
        }
        for (Parameter p : layer.parameters()) {
            if (p.trainable()) {
                float[] dp = p.grad().clone();
                GradientCheck.assertGradient(layer.name() + " " + p.name(), p.value().data(), dp,
                        v -> probeList(layer, xs, r, training), 1e-2, 2e-2);
            }
        }
    }

    private static double probeList(Layer layer, List<Tensor> xs, float[] r, boolean training) {
        Tensor y = layer.call(xs, training).get(0);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * y.data()[i];
        }
        return s;
    }

    private static double probe(Layer layer, Tensor x, float[] r, boolean training) {
        Tensor y = layer.call(x, training);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * y.data()[i];
        }
        return s;
    }
}
