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
}
