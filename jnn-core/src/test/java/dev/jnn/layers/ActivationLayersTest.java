package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** ReLU, LeakyReLU, ELU, Softmax and PReLU against Keras, their gradients and contracts. */
class ActivationLayersTest {
    private static void matchesKeras(String caseName, Function<NormGolden, Layer> factory) {
        NormGolden golden = NormGolden.load(caseName);
        Layer layer = factory.apply(golden);
        golden.buildWithWeights(layer);
        Tensor x = golden.x();
        NormGolden.assertClose(caseName + " inference", golden.output("inference"), layer.call(x, false));
        NormGolden.assertClose(caseName + " training", golden.output("training"), layer.call(x, true));
    }

    private static float number(NormGolden g, String key, float fallback) {
        return g.config().has(key) ? (float) g.config().get(key).asDouble() : fallback;
    }

    @Test
    void reluVariantsMatchKeras() {
        for (String name : new String[] {"relu_default", "relu_max6", "relu_all", "relu_slope"}) {
            matchesKeras(name, g -> new ReLU(g.config().has("max_value") ? number(g, "max_value", 0f) : null,
                    number(g, "negative_slope", 0f), number(g, "threshold", 0f)));
        }
    }

    @Test
    void leakyReluAndEluMatchKeras() {
        matchesKeras("leaky_relu_default", g -> new LeakyReLU());
        matchesKeras("leaky_relu_0_1", g -> new LeakyReLU(number(g, "negative_slope", 0.3f)));
        matchesKeras("elu_default", g -> new ELU());
        matchesKeras("elu_alpha", g -> new ELU(number(g, "alpha", 1f)));
    }

    @Test
    void softmaxMatchesKerasOnLastAndInnerAxis() {
        matchesKeras("softmax_default", g -> new Softmax());
        matchesKeras("softmax_axis1", g -> new Softmax(g.config().get("axis").asInt()));
    }

    @Test
    void preluMatchesKerasWithAndWithoutSharedAxes() {
        matchesKeras("prelu_default", g -> new PReLU());
        matchesKeras("prelu_shared", g -> new PReLU(new int[] {1}));
    }

    @Test
    void leakyReluLayerDefaultIsKerasLayerDefault() {
        assertEquals(0.3f, new LeakyReLU().config().negativeSlope());
        Tensor y = new LeakyReLU().call(Tensor.of(new float[][] {{-1, 2}}), false);
        assertArrayEquals(new float[] {-0.3f, 2f}, y.data(), 1e-7f);
    }

    @Test
    void preluWeightShapes() {
        PReLU full = new PReLU();
        full.build(Shape.of(4, 4, 3), false);
        assertEquals(Shape.of(4, 4, 3), full.alpha().shape());
        PReLU perChannel = new PReLU(new int[] {1, 2});
        perChannel.build(Shape.of(4, 4, 3), false);
        assertEquals(Shape.of(1, 1, 3), perChannel.alpha().shape());
        assertEquals(3, perChannel.countParams());
        assertEquals("p_re_lu", LayerNames.snakeCase(perChannel.className()));
        assertEquals("re_lu", LayerNames.snakeCase(new ReLU().className()));
    }

    @Test
    void gradients() {
        LayerGradientCheck.check(new ReLU(2f, 0.1f, 0.5f), Shape.of(7), 3, 31, true);
        LayerGradientCheck.check(new LeakyReLU(), Shape.of(2, 3), 2, 32, true);
        LayerGradientCheck.check(new ELU(0.7f), Shape.of(5), 3, 33, true);
        LayerGradientCheck.check(new Softmax(), Shape.of(2, 4), 2, 34, true);
        LayerGradientCheck.check(new Softmax(1), Shape.of(3, 4), 2, 35, true);
        PReLU prelu = new PReLU(new int[] {1});
        prelu.build(Shape.of(3, 2), false);
        prelu.alpha().value().data()[0] = 0.25f;
        prelu.alpha().value().data()[1] = -0.5f;
        LayerGradientCheck.check(prelu, Shape.of(3, 2), 3, 36, true);
    }

    @Test
    void contracts() {
        LayerContract.check(ReLU::new, Shape.of(4), Shape.of(4), 0);
        LayerContract.check(LeakyReLU::new, Shape.of(2, 3), Shape.of(2, 3), 0);
        LayerContract.check(ELU::new, Shape.of(4), Shape.of(4), 0);
        LayerContract.check(Softmax::new, Shape.of(3), Shape.of(3), 0);
        LayerContract.check(() -> new Softmax(1), Shape.of(2, 3), Shape.of(2, 3), 0);
        LayerContract.check(PReLU::new, Shape.of(2, 3), Shape.of(2, 3), 6);
        LayerContract.check(() -> new PReLU(new int[] {1}), Shape.of(2, 3), Shape.of(2, 3), 3);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ReLU(-1f, 0f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ReLU(null, -0.1f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ReLU(null, 0f, -1f));
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> new Softmax(0));
        assertThrows(IllegalArgumentException.class, () -> new PReLU(new int[] {0}));
    }

    @Test
    void rejectsBadInputNamingLayerAndShapes() {
        Softmax softmax = (Softmax) new Softmax(3).named("sm");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> softmax.call(Tensor.zeros(2, 4), false));
        assertTrue(e.getMessage().contains("\"sm\"") && e.getMessage().contains("(None, 4)"), e.getMessage());
        PReLU shared = (PReLU) new PReLU(new int[] {3}).named("pr");
        e = assertThrows(IllegalArgumentException.class, () -> shared.call(Tensor.zeros(2, 4), false));
        assertTrue(e.getMessage().contains("\"pr\"") && e.getMessage().contains("(None, 4)"), e.getMessage());
        PReLU prelu = (PReLU) new PReLU().named("pr2");
        prelu.build(Shape.of(3), false);
        e = assertThrows(IllegalArgumentException.class, () -> prelu.call(Tensor.zeros(2, 4), false));
        assertTrue(e.getMessage().contains("\"pr2\"") && e.getMessage().contains("(None, 3)")
                && e.getMessage().contains("(None, 4)"), e.getMessage());
    }
}
