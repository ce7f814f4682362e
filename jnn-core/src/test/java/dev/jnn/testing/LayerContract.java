package dev.jnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.layers.Dense;
import dev.jnn.layers.Flatten;
import dev.jnn.layers.Input;
import dev.jnn.layers.Layer;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;

/**
 * The contract every layer passes: it builds for an input shape, its forward output has the shape
 * {@link Layer#outputShape} promises, its parameter count is the sum of its weights, two layers made
 * the same way have equal configs, and one training step through it changes the model's weights.
 */
public final class LayerContract {
    private LayerContract() {
    }

    /**
     * @param factory        makes a fresh, unbuilt layer
     * @param sample         per-sample input shape
     * @param expectedOutput per-sample output shape
     * @param expectedParams parameter count once built
     */
    public static void check(Supplier<Layer> factory, Shape sample, Shape expectedOutput, int expectedParams) {
        Layer layer = factory.get();
        assertNotNull(layer.config(), "config");
        assertEquals(layer.config(), factory.get().config(), "two layers made alike have equal configs");
        assertEquals(expectedOutput, layer.outputShape(sample), "outputShape");
        layer.build(sample, false);
        assertTrue(layer.built());
        int sum = 0;
        for (Parameter p : layer.parameters()) {
            sum += p.size();
        }
        assertEquals(expectedParams, layer.countParams(), "countParams");
        assertEquals(sum, layer.countParams(), "countParams is the sum of the weights");
        Tensor y = layer.call(Tensor.full(sample.withBatch(3), 0.5f), false);
        assertEquals(expectedOutput.withBatch(3), y.shape(), "forward output shape");

        Sequential model = new Sequential(Input.shape(sample.dims()), factory.get(), new Flatten(), new Dense(1));
        model.compile("mse", "sgd");
        List<float[]> before = model.getWeights();
        float[][] x = new float[4][sample.size()];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < sample.size(); j++) {
                x[i][j] = (float) Math.sin(i * 7 + j);
            }
        }
        model.fit(Tensor.of(x).reshape(sample.withBatch(4)), Tensor.of(new float[][] {{1}, {0}, {1}, {0}}),
                FitOptions.builder().epochs(1).verbose(0).build());
        List<float[]> after = model.getWeights();
        boolean changed = false;
        for (int i = 0; i < before.size(); i++) {
            changed |= !java.util.Arrays.equals(before.get(i), after.get(i));
        }
        assertTrue(changed, "one training step changes the weights");
    }

    /**
     * The contract for a layer called on a list of inputs (merges, attention): equal configs for equal
     * construction, {@link Layer#outputShapes}, build, parameter count, forward output shapes, and one
     * gradient step on {@code sum(y)} that reaches every input and, when the layer has weights,
     * changes its output.
     *
     * @param factory         makes a fresh, unbuilt layer
     * @param samples         per-sample input shapes
     * @param expectedOutputs per-sample output shapes
     * @param expectedParams  parameter count once built
     */
    public static void checkList(Supplier<Layer> factory, List<Shape> samples, List<Shape> expectedOutputs,
                                 int expectedParams) {
        Layer layer = factory.get();
        assertNotNull(layer.config(), "config");
        assertEquals(layer.config(), factory.get().config(), "two layers made alike have equal configs");
        assertEquals(expectedOutputs, layer.outputShapes(samples), "outputShapes");
        layer.build(samples, false);
        assertTrue(layer.built());
        assertEquals(expectedParams, layer.countParams(), "countParams");
        int sum = 0;
        for (Parameter p : layer.parameters()) {
            sum += p.size();
        }
        assertEquals(sum, layer.countParams(), "countParams is the sum of the weights");
        java.util.List<Tensor> xs = new java.util.ArrayList<>();
        for (int k = 0; k < samples.size(); k++) {
            Tensor x = Tensor.zeros(samples.get(k).withBatch(3));
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) Math.sin(i * 7 + k * 3 + 1);
            }
            x.markRequiresGrad();
            xs.add(x);
        }
        List<Tensor> ys;
        try (dev.jnn.tensor.GradientTape tape = dev.jnn.tensor.GradientTape.open()) {
            ys = layer.call(xs, true);
            java.util.Arrays.fill(ys.get(0).grad(), 1f);
            tape.backward();
        }
        assertEquals(expectedOutputs.size(), ys.size(), "number of outputs");
        for (int i = 0; i < ys.size(); i++) {
            assertEquals(expectedOutputs.get(i).withBatch(3), ys.get(i).shape(), "forward output shape " + i);
        }
        for (int k = 0; k < xs.size(); k++) {
            boolean reached = false;
            for (float g : xs.get(k).grad()) {
                assertTrue(Float.isFinite(g), "finite gradient for input " + k);
                reached |= g != 0f;
            }
            assertTrue(reached, "the gradient reaches input " + k);
        }
        if (!layer.parameters().isEmpty()) {
            float[] before = ys.get(0).data().clone();
            for (Parameter p : layer.parameters()) {
                if (p.trainable()) {
                    float[] w = p.value().data();
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= 0.1f * p.grad()[i];
                    }
                }
            }
            float[] after = layer.call(xs, true).get(0).data();
            assertTrue(!java.util.Arrays.equals(before, after), "one gradient step changes the output");
        }
    }
}
