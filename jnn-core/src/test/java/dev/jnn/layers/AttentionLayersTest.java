package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.initializers.GlorotUniform;
import dev.jnn.initializers.Zeros;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.StepScope;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionLayersTest {
    private static Tensor filled(Shape shape, double phase) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) Math.sin(1.7 * i + phase);
        }
        return t;
    }

    @Test
    void multiHeadAttentionPassesTheGradientCheck() {
        LayerGradientCheck.checkList(MultiHeadAttention.builder(2, 3).build(),
                List.of(Shape.of(3, 4), Shape.of(5, 2), Shape.of(5, 3)), 2, 1L, false);
        LayerGradientCheck.checkList(MultiHeadAttention.builder(2, 2).valueDim(3).outputShape(2, 3).useBias(false)
                .useCausalMask(true).build(), List.of(Shape.of(4, 3), Shape.of(4, 3)), 2, 2L, false);
    }

    @Test
    void maskedMultiHeadAttentionWithScoresPassesTheGradientCheck() {
        Tensor q = filled(Shape.of(2, 3, 4), 0.3);
        Tensor v = filled(Shape.of(2, 4, 4), 1.1);
        q.setMask(new Tensor(Shape.of(2, 3), new float[] {1, 0, 1, 1, 1, 0}));
        v.setMask(new Tensor(Shape.of(2, 4), new float[] {1, 1, 0, 1, 0, 1, 1, 0}));
        LayerGradientCheck.checkList(MultiHeadAttention.builder(2, 2).returnAttentionScores(true).build(),
                List.of(q, v), 3L, false);
    }

    @Test
    void attentionPassesTheGradientCheckInEveryMode() {
        List<Shape> shapes = List.of(Shape.of(3, 4), Shape.of(5, 2), Shape.of(5, 4));
        LayerGradientCheck.checkList(new Attention(), shapes, 2, 4L, false);
        LayerGradientCheck.checkList(new Attention(Attention.Config.defaults().withUseScale(true)), shapes, 2, 5L, false);
        LayerGradientCheck.checkList(new Attention(Attention.Config.defaults().withScoreMode("concat").withUseScale(true)),
                shapes, 2, 6L, false);
        Tensor q = filled(Shape.of(2, 4, 3), 0.5);
        Tensor v = filled(Shape.of(2, 4, 3), 2.0);
        q.setMask(new Tensor(Shape.of(2, 4), new float[] {1, 0, 1, 1, 1, 1, 0, 1}));
        v.setMask(new Tensor(Shape.of(2, 4), new float[] {1, 1, 0, 1, 1, 0, 1, 1}));
        LayerGradientCheck.checkList(new Attention(Attention.Config.defaults().withUseCausalMask(true)
                .withReturnAttentionScores(true)), List.of(q, v), 7L, false);
    }

    @Test
    void attentionLayersPassTheListContract() {
        LayerContract.checkList(() -> new MultiHeadAttention(2, 3), List.of(Shape.of(4, 5), Shape.of(6, 7)),
                List.of(Shape.of(4, 5)), 5 * 6 + 6 + 7 * 6 + 6 + 7 * 6 + 6 + 6 * 5 + 5);
        LayerContract.checkList(() -> MultiHeadAttention.builder(2, 3).valueDim(4).outputShape(8)
                        .returnAttentionScores(true).build(), List.of(Shape.of(4, 5), Shape.of(6, 7), Shape.of(6, 2)),
                List.of(Shape.of(4, 8), Shape.of(2, 4, 6)), 5 * 6 + 6 + 2 * 6 + 6 + 7 * 8 + 8 + 8 * 8 + 8);
        LayerContract.checkList(Attention::new, List.of(Shape.of(4, 5), Shape.of(6, 5)), List.of(Shape.of(4, 5)), 0);
        LayerContract.checkList(() -> new Attention(Attention.Config.defaults().withScoreMode("concat").withUseScale(true)),
                List.of(Shape.of(4, 5), Shape.of(6, 3), Shape.of(6, 5)), List.of(Shape.of(4, 3)), 2);
    }

    @Test
    void multiHeadAttentionHasKerasDefaultsAndWeights() {
        MultiHeadAttention layer = new MultiHeadAttention(2, 3);
        var c = layer.config();
        assertEquals(3, c.valueDim());
        assertEquals(0f, c.dropout());
        assertTrue(c.useBias());
        assertEquals(new GlorotUniform(), c.kernelInitializer());
        assertEquals(new Zeros(), c.biasInitializer());
        layer.build(List.of(Shape.of(4, 5), Shape.of(4, 5)), false);
        String[] names = {"query/kernel", "query/bias", "key/kernel", "key/bias", "value/kernel", "value/bias",
                "attention_output/kernel", "attention_output/bias"};
        Shape[] shapes = {Shape.of(5, 2, 3), Shape.of(2, 3), Shape.of(5, 2, 3), Shape.of(2, 3), Shape.of(5, 2, 3),
                Shape.of(2, 3), Shape.of(2, 3, 5), Shape.of(5)};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], layer.parameters().get(i).name());
            assertEquals(shapes[i], layer.parameters().get(i).shape());
        }
        assertFalse(Arrays.equals(layer.parameters().get(0).value().data(), layer.parameters().get(2).value().data()),
                "each projection has its own initializer stream, as in Keras");
    }

    @Test
    void causalMaskKeepsEarlierOutputsIndependentOfLaterSteps() {
        MultiHeadAttention layer = MultiHeadAttention.builder(2, 2).useCausalMask(true).build();
        Tensor x = filled(Shape.of(1, 4, 3), 0.2);
        float[] before = layer.call(List.of(x, x), false).get(0).data().clone();
        Tensor changed = x.copy();
        changed.data()[3 * 3 + 1] += 5f;   // the last step
        float[] after = layer.call(List.of(changed, changed), false).get(0).data();
        assertArrayEquals(Arrays.copyOf(before, 9), Arrays.copyOf(after, 9), 1e-6f);
        assertFalse(Arrays.equals(Arrays.copyOfRange(before, 9, 12), Arrays.copyOfRange(after, 9, 12)));
    }

    @Test
    void dropoutActsInTrainingOnlyAndIsReproducibleWithASeed() {
        Tensor q = filled(Shape.of(2, 3, 4), 0.1);
        Tensor v = filled(Shape.of(2, 5, 4), 0.9);
        MultiHeadAttention a = MultiHeadAttention.builder(2, 3).dropout(0.5f).seed(7L).build();
        MultiHeadAttention plain = MultiHeadAttention.builder(2, 3).build();
        a.build(List.of(q.shape().withoutBatch(), v.shape().withoutBatch()), false);
        plain.build(List.of(q.shape().withoutBatch(), v.shape().withoutBatch()), false);
        for (int i = 0; i < a.parameters().size(); i++) {
            System.arraycopy(a.parameters().get(i).value().data(), 0, plain.parameters().get(i).value().data(), 0,
                    a.parameters().get(i).size());
        }
        assertArrayEquals(plain.call(List.of(q, v), false).get(0).data(), a.call(List.of(q, v), false).get(0).data(),
                1e-6f);
        float[] trained = a.call(List.of(q, v), true).get(0).data();
        assertFalse(Arrays.equals(plain.call(List.of(q, v), false).get(0).data(), trained));
        Attention att = new Attention(Attention.Config.defaults().withDropout(0.5f, 3L));
        assertArrayEquals(new Attention().call(List.of(q, v), false).get(0).data(),
                att.call(List.of(q, v), false).get(0).data(), 1e-6f);
        assertFalse(Arrays.equals(new Attention().call(List.of(q, v), false).get(0).data(),
                att.call(List.of(q, v), true).get(0).data()));
    }

    @Test
    void outputsCarryTheQueryMask() {
        Tensor q = filled(Shape.of(1, 3, 2), 0.0);
        Tensor v = filled(Shape.of(1, 4, 2), 1.0);
        Tensor mask = new Tensor(Shape.of(1, 3), new float[] {1, 1, 0});
        q.setMask(mask);
        assertSame(mask, new MultiHeadAttention(1, 2).call(List.of(q, v), false).get(0).mask());
        Tensor y = new Attention().call(List.of(q, v), false).get(0);
        assertSame(mask, y.mask());
        assertArrayEquals(new float[] {0, 0}, Arrays.copyOfRange(y.data(), 4, 6), "masked query rows are zero");
    }

    @Test
    void badInputsAreRefusedWithClearMessages() {
        MultiHeadAttention mha = new MultiHeadAttention(2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> mha.call(Tensor.zeros(2, 3, 4), false));
        assertTrue(e.getMessage().contains(mha.name()) && e.getMessage().contains("[query, value]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mha.outputShapes(List.of(Shape.of(3, 4), Shape.of(5, 4), Shape.of(6, 4))));
        assertTrue(e.getMessage().contains("value_shape=(None, 5, 4)") && e.getMessage().contains("key_shape=(None, 6, 4)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mha.outputShapes(List.of(Shape.of(3, 4))));
        assertTrue(e.getMessage().contains("Received length: 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(0, 3));
        assertThrows(IllegalArgumentException.class, () -> MultiHeadAttention.builder(2, 3).dropout(1f).build());
        Attention att = new Attention();
        e = assertThrows(IllegalArgumentException.class,
                () -> att.outputShapes(List.of(Shape.of(3, 4), Shape.of(5, 3))));
        assertTrue(e.getMessage().contains("(None, 3, 4)") && e.getMessage().contains("(None, 5, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Attention(Attention.Config.defaults().withScoreMode("additive")));
    }

    @Test
    void steadyStateCallsReuseTheirBuffers() {
        MultiHeadAttention layer = new MultiHeadAttention(2, 3);
        List<Tensor> xs = List.of(filled(Shape.of(2, 3, 4), 0), filled(Shape.of(2, 5, 4), 1));
        StepScope scope = new StepScope();
        scope.begin();
        Tensor first = layer.call(xs, false).get(0);
        scope.end();
        scope.begin();
        Tensor second = layer.call(xs, false).get(0);
        scope.end();
        assertSame(first, second);
    }
}
