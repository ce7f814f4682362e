package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeLayersTest {
    @Test
    void elementwiseMergesPassTheGradientCheckWithBroadcasting() {
        List<Shape> shapes = List.of(Shape.of(3, 4), Shape.of(1, 4), Shape.of(4));
        LayerGradientCheck.checkList(new Add(), shapes, 2, 1L, false);
        LayerGradientCheck.checkList(new Average(), shapes, 2, 2L, false);
        LayerGradientCheck.checkList(new Multiply(), shapes, 2, 3L, false);
        // seeds chosen so that no two compared values lie within the probe step (a kink of max/min)
        LayerGradientCheck.checkList(new Maximum(), shapes, 2, 40L, false);
        LayerGradientCheck.checkList(new Minimum(), shapes, 2, 50L, false);
        LayerGradientCheck.checkList(new Subtract(), List.of(Shape.of(3, 4), Shape.of(3, 1)), 2, 6L, false);
    }

    @Test
    void maskedMultiplyAndMaximumPassTheGradientCheck() {
        for (Layer layer : new Layer[] {new Multiply(), new Maximum()}) {
            Tensor a = Tensor.zeros(2, 3, 2);
            Tensor b = Tensor.zeros(2, 3, 2);
            for (int i = 0; i < a.size(); i++) {
                a.data()[i] = (float) Math.sin(i + 1);
                b.data()[i] = (float) Math.cos(3 * i + 1);
            }
            a.setMask(new Tensor(Shape.of(2, 3), new float[] {1, 0, 1, 0, 0, 1}));
            b.setMask(new Tensor(Shape.of(2, 3), new float[] {1, 1, 0, 0, 1, 1}));
            LayerGradientCheck.checkList(layer, List.of(a, b), 7L, false);
        }
    }

    @Test
    void concatenateAndDotPassTheGradientCheck() {
        LayerGradientCheck.checkList(new Concatenate(), List.of(Shape.of(3, 2), Shape.of(3, 4)), 2, 8L, false);
        LayerGradientCheck.checkList(new Concatenate(1), List.of(Shape.of(1, 2), Shape.of(3, 2)), 2, 9L, false);
        LayerGradientCheck.checkList(new Dot(new Dot.Config(1, 2, false)), List.of(Shape.of(4, 3), Shape.of(5, 4)),
                2, 10L, false);
        LayerGradientCheck.checkList(new Dot(-1, true), List.of(Shape.of(3, 4), Shape.of(2, 4)), 2, 11L, false);
        LayerGradientCheck.checkList(new Dot(1, true), List.of(Shape.of(5), Shape.of(5)), 3, 12L, false);
    }

    @Test
    void mergesPassTheListContract() {
        List<Shape> two = List.of(Shape.of(3, 4), Shape.of(3, 4));
        for (java.util.function.Supplier<Layer> f : List.<java.util.function.Supplier<Layer>>of(Add::new,
                Subtract::new, Multiply::new, Average::new, Maximum::new, Minimum::new)) {
            LayerContract.checkList(f, two, List.of(Shape.of(3, 4)), 0);
        }
        LayerContract.checkList(Concatenate::new, two, List.of(Shape.of(3, 8)), 0);
        LayerContract.checkList(() -> new Concatenate(1), two, List.of(Shape.of(6, 4)), 0);
        LayerContract.checkList(() -> new Dot(2), two, List.of(Shape.of(3, 3)), 0);
        LayerContract.checkList(() -> new Dot(1), List.of(Shape.of(5), Shape.of(5)), List.of(Shape.of(1)), 0);
    }

    @Test
    void badInputsNameTheLayerAndTheShapes() {
        Add add = new Add();
        var e = assertThrows(IllegalArgumentException.class,
                () -> add.call(List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 4)), false));
        assertTrue(e.getMessage().contains(add.name()) && e.getMessage().contains("(None, 3)")
                && e.getMessage().contains("(None, 4)"), e.getMessage());
        Add single = new Add();
        e = assertThrows(IllegalArgumentException.class, () -> single.call(Tensor.zeros(2, 3), false));
        assertTrue(e.getMessage().contains("should be called on a list of") && e.getMessage().contains("(None, 3)"),
                e.getMessage());
        assertTrue(!single.built(), "a refused single-tensor call does not build the layer");
        assertEquals(Shape.of(2, 3), single.call(List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 3)), false).get(0).shape());
        e = assertThrows(IllegalArgumentException.class, () -> new Add().outputShape(Shape.of(3)));
        assertTrue(e.getMessage().contains("list of inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Subtract().outputShapes(List.of(Shape.of(3), Shape.of(3), Shape.of(3))));
        assertTrue(e.getMessage().contains("exactly 2 inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Concatenate().outputShapes(List.of(Shape.of(3, 4), Shape.of(4, 4))));
        assertTrue(e.getMessage().contains("matching shapes except for the concatenation axis")
                && e.getMessage().contains("(None, 3, 4)") && e.getMessage().contains("(None, 4, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dot(1).outputShapes(List.of(Shape.of(3), Shape.of(4))));
        assertTrue(e.getMessage().contains("axis values 3 (at axis 1) != 4 (at axis 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dot(0));
        assertThrows(IllegalArgumentException.class, () -> new Concatenate(0));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Add().call(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3)), false));
        assertTrue(e.getMessage().contains("different batch sizes"), e.getMessage());
    }

    @Test
    void broadcastingFollowsKerasRightAlignedRule() {
        assertEquals(List.of(Shape.of(5, 3, 4)),
                new Add().outputShapes(List.of(Shape.of(5, 1, 4), Shape.of(3, 1), Shape.of(4))));
        Tensor a = new Tensor(Shape.of(1, 2, 1), new float[] {1, 2});
        Tensor b = new Tensor(Shape.of(1, 3), new float[] {10, 20, 30});
        Tensor y = new Add().call(List.of(a, b), false).get(0);
        assertEquals(Shape.of(1, 2, 3), y.shape());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {11, 21, 31, 12, 22, 32}, y.data());
    }

    @Test
    void steadyStateCallsReuseTheirBuffers() {
        Concatenate layer = new Concatenate();
        List<Tensor> xs = List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 4));
        StepScope scope = new StepScope();
        scope.begin();
        Tensor first = layer.call(xs, false).get(0);
        scope.end();
        scope.begin();
        Tensor second = layer.call(xs, false).get(0);
        scope.end();
        assertTrue(first == second, "the second step reuses the first step's output");
    }
}
