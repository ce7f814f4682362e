package dev.jnn.testing;

import dev.jnn.layers.Layer;
import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
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

    private static double probe(Layer layer, Tensor x, float[] r, boolean training) {
        Tensor y = layer.call(x, training);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * y.data()[i];
        }
        return s;
    }
}
