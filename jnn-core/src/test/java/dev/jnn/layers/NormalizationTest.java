package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Parameter;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GoldenFiles;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Normalization: adapt against Keras's, the weights Keras stores, given statistics, gradients,
 * contract and bad input (outputs and configs against Keras are in Layers5GoldenTest).
 */
class NormalizationTest {
    @Test
    void adaptGivesKerasMeanAndPopulationVariance() throws Exception {
        for (String name : List.of("normalization_adapted", "normalization_adapted_axes_1_2",
                "normalization_adapted_axis_none")) {
            JsonNode golden = GoldenFiles.read("/golden/layers5/" + name + ".json");
            JsonNode layerConfig = golden.at("/config/config/layers/1/config");
            java.util.List<Integer> axis = new java.util.ArrayList<>();
            layerConfig.get("axis").forEach(a -> axis.add(a.asInt()));
            Normalization n = new Normalization(new Normalization.Config(axis, null, null, false));
            JsonNode data = golden.at("/adapt/data");
            n.adapt(new Tensor(GoldenFiles.shape(data.get("shape")), GoldenFiles.floats(data.get("values"))));
            GoldenFiles.assertClose(name + " mean", GoldenFiles.floats(golden.at("/adapt/mean/values")), n.mean(), 1e-5);
            GoldenFiles.assertClose(name + " variance", GoldenFiles.floats(golden.at("/adapt/variance/values")),
                    n.variance(), 1e-5);
            // Keras 3 stores mean, variance and count, all non-trainable; adapt leaves count at 0.
            List<Parameter> w = n.parameters();
            assertEquals(List.of("mean", "variance", "count"), w.stream().map(Parameter::name).toList());
            assertEquals(Shape.scalar(), w.get(2).shape());
            assertEquals(0f, w.get(2).value().data()[0]);
            assertTrue(w.stream().noneMatch(Parameter::trainable));
        }
    }

    @Test
    void adaptThenCallStandardizesEachFeature() {
        Normalization n = new Normalization();
        n.adapt(new float[][] {{1, 10}, {3, 30}, {5, 50}});
        Tensor y = n.call(Tensor.of(new float[][] {{3, 30}, {5, 10}}), false);
        float s0 = (float) Math.sqrt(8 / 3.0);
        float s1 = (float) Math.sqrt(800 / 3.0);
        assertArrayEquals(new float[] {0, 0, 2 / s0, -20 / s1}, y.data(), 1e-6f);
        // adapt may be called again on the built layer with data of the same feature size
        n.adapt(new float[][] {{0, 0}, {2, 2}});
        assertArrayEquals(new float[] {1, 1}, n.mean());
    }

    @Test
    void givenStatisticsLineUpWithTheLastKeptAxesAndHaveNoWeights() {
        Normalization n = new Normalization(new Normalization.Config(List.of(1, 2), BroadcastValues.of(1, 2),
                BroadcastValues.of(4, 16), false));
        Tensor y = n.call(Tensor.full(Shape.of(1, 3, 2), 3f), false);
        assertArrayEquals(new float[] {1, 0.25f, 1, 0.25f, 1, 0.25f}, y.data());
        assertEquals(0, n.countParams());
        Normalization inverse = new Normalization(new Normalization.Config(List.of(-1), BroadcastValues.of(1, 2),
                BroadcastValues.of(4, 16), true));
        assertArrayEquals(new float[] {3, 6}, inverse.call(Tensor.of(new float[][] {{1, 1}}), false).data());
        // A zero variance divides by Keras's epsilon 1e-7, not by zero.
        Normalization flat = new Normalization(Normalization.Config.of(-1, BroadcastValues.scalar(0),
                BroadcastValues.scalar(0)));
        assertArrayEquals(new float[] {1e-7f / 1e-7f}, flat.call(Tensor.of(new float[][] {{1e-7f}}), false).data());
    }

    @Test
    void gradientsAndContract() {
        LayerGradientCheck.check(new Normalization(Normalization.Config.of(-1, BroadcastValues.of(0.5, -1, 2),
                BroadcastValues.of(2, 0.5, 3))), Shape.of(2, 3), 3, 5, true);
        LayerGradientCheck.check(new Normalization(new Normalization.Config(List.of(1), BroadcastValues.of(0.5, -1),
                BroadcastValues.of(2, 0.5), true)), Shape.of(2, 3), 3, 5, true);
        LayerContract.check(Normalization::new, Shape.of(4, 3), Shape.of(4, 3), 7);
        LayerContract.check(() -> new Normalization(new Normalization.Config(List.of(), BroadcastValues.scalar(1),
                BroadcastValues.scalar(4), false)), Shape.of(2, 2), Shape.of(2, 2), 0);
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.Config.of(-1, BroadcastValues.of(1, 2), null));
        assertTrue(e.getMessage().contains("both `mean` and `variance`"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.Config.of(-1, BroadcastValues.of(1, 2), BroadcastValues.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(3,)"), e.getMessage());
        Normalization n = new Normalization(Normalization.Config.of(3, null, null));
        e = assertThrows(IllegalArgumentException.class, () -> n.outputShape(Shape.of(4)));
        assertTrue(e.getMessage().contains(n.name()) && e.getMessage().contains("ndim=2")
                && e.getMessage().contains("(None, 4)"), e.getMessage());
        Normalization batch = new Normalization(Normalization.Config.of(0, null, null));
        e = assertThrows(IllegalArgumentException.class, () -> batch.outputShape(Shape.of(4)));
        assertTrue(e.getMessage().contains("unknown axis at index 0"), e.getMessage());
        Normalization given = new Normalization(Normalization.Config.of(-1, BroadcastValues.of(1, 2),
                BroadcastValues.of(1, 2)));
        e = assertThrows(IllegalArgumentException.class, () -> given.call(Tensor.zeros(2, 3), false));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("[3]"), e.getMessage());
        var s = assertThrows(IllegalStateException.class, () -> given.adapt(new float[][] {{1, 2}}));
        assertTrue(s.getMessage().contains("adapt"), s.getMessage());
        Normalization adapted = new Normalization();
        adapted.build(Shape.of(3), false);
        e = assertThrows(IllegalArgumentException.class, () -> adapted.adapt(new float[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("(None, 3)") && e.getMessage().contains("[1, 2]"), e.getMessage());
    }
}
