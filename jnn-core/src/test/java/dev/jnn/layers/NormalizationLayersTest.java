package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

class NormalizationLayersTest {
    private static BatchNormalization batchNorm(NormGolden golden) {
        var c = golden.config();
        var b = BatchNormalization.builder();
        if (c.has("axis")) {
            b.axis(c.get("axis").asInt());
        }
        if (c.has("momentum")) {
            b.momentum((float) c.get("momentum").asDouble());
        }
        if (c.has("epsilon")) {
            b.epsilon((float) c.get("epsilon").asDouble());
        }
        if (c.has("center")) {
            b.center(c.get("center").asBoolean());
        }
        if (c.has("scale")) {
            b.scale(c.get("scale").asBoolean());
        }
        return b.build();
    }

    @Test
    void batchNormalizationMatchesKerasInBothModesAndUpdatesMovingStatistics() {
        for (String name : new String[] {"batchnorm_default", "batchnorm_rank3_momentum",
                "batchnorm_no_center_no_scale", "batchnorm_axis1"}) {
            NormGolden golden = NormGolden.load(name);
            BatchNormalization layer = batchNorm(golden);
            golden.buildWithWeights(layer);
            Tensor x = golden.x();
            NormGolden.assertClose(name + " inference", golden.output("inference"), layer.call(x, false));
            NormGolden.assertClose(name + " training", golden.output("training"), layer.call(x, true));
            golden.assertWeightsAfterTraining(layer);
        }
    }

    @Test
    void layerNormalizationMatchesKeras() {
        for (String name : new String[] {"layernorm_default", "layernorm_axis1"}) {
            NormGolden golden = NormGolden.load(name);
            var config = LayerNormalization.defaults();
            if (golden.config().has("axis")) {
                config = config.withAxis(golden.config().get("axis").asInt());
            }
            if (golden.config().has("epsilon")) {
                config = config.withEpsilon((float) golden.config().get("epsilon").asDouble());
            }
            LayerNormalization layer = new LayerNormalization(config);
            golden.buildWithWeights(layer);
            Tensor x = golden.x();
            NormGolden.assertClose(name + " inference", golden.output("inference"), layer.call(x, false));
            NormGolden.assertClose(name + " training", golden.output("training"), layer.call(x, true));
        }
    }

    @Test
    void batchNormalizationWeightsInKerasOrder() {
        BatchNormalization layer = new BatchNormalization();
        layer.build(Shape.of(5, 3), false);
        assertEquals(4, layer.parameters().size());
        String[] names = {"gamma", "beta", "moving_mean", "moving_variance"};
        boolean[] trainable = {true, true, false, false};
        for (int i = 0; i < 4; i++) {
            assertEquals(names[i], layer.parameters().get(i).name());
            assertEquals(trainable[i], layer.parameters().get(i).trainable());
            assertEquals(Shape.of(3), layer.parameters().get(i).shape());
        }
        assertArrayEquals(new float[] {1, 1, 1}, layer.gamma().value().data());
        assertArrayEquals(new float[] {1, 1, 1}, layer.movingVariance().value().data());
        assertEquals("batch_normalization", LayerNames.snakeCase(layer.className()));
    }

    @Test
    void batchNormalizationGradientsInTrainingAndInference() {
        SeedGenerator.setGlobalSeed(5);
        BatchNormalization layer = new BatchNormalization();
        layer.build(Shape.of(3), false);
        randomize(layer, 1);
        LayerGradientCheck.check(layer, Shape.of(3), 6, 11, true);
        BatchNormalization rank3 = BatchNormalization.builder().momentum(0.5f).build();
        rank3.build(Shape.of(2, 3), false);
        randomize(rank3, 2);
        LayerGradientCheck.check(rank3, Shape.of(2, 3), 3, 12, true);
        BatchNormalization axis1 = BatchNormalization.builder().axis(1).build();
        axis1.build(Shape.of(2, 3), false);
        randomize(axis1, 3);
        LayerGradientCheck.check(axis1, Shape.of(2, 3), 3, 13, true);
        LayerGradientCheck.check(axis1, Shape.of(2, 3), 3, 14, false);
        BatchNormalization plain = BatchNormalization.builder().center(false).scale(false).build();
        LayerGradientCheck.check(plain, Shape.of(4), 5, 15, true);
    }

    @Test
    void layerNormalizationGradients() {
        LayerNormalization layer = new LayerNormalization();
        layer.build(Shape.of(2, 4), false);
        randomize(layer, 4);
        LayerGradientCheck.check(layer, Shape.of(2, 4), 3, 21, true);
        LayerNormalization axis1 = new LayerNormalization(LayerNormalization.defaults().withAxis(1));
        axis1.build(Shape.of(3, 2), false);
        randomize(axis1, 5);
        LayerGradientCheck.check(axis1, Shape.of(3, 2), 2, 22, true);
        LayerNormalization plain = new LayerNormalization(LayerNormalization.defaults().withCenterAndScale(false, false));
        LayerGradientCheck.check(plain, Shape.of(5), 2, 23, true);
    }

    @Test
    void contracts() {
        LayerContract.check(BatchNormalization::new, Shape.of(4), Shape.of(4), 16);
        LayerContract.check(BatchNormalization::new, Shape.of(3, 2), Shape.of(3, 2), 8);
        LayerContract.check(LayerNormalization::new, Shape.of(5), Shape.of(5), 10);
        LayerContract.check(LayerNormalization::new, Shape.of(2, 3), Shape.of(2, 3), 6);
    }

    @Test
    void trainingCallUpdatesMovingStatisticsWithKerasFormula() {
        BatchNormalization layer = new BatchNormalization();
        layer.build(Shape.of(2), false);
        layer.call(Tensor.of(new float[][] {{1, 10}, {3, 20}}), true);
        // mean [2, 15], biased variance [1, 25]; moving = 0.99·init + 0.01·batch
        assertArrayEquals(new float[] {0.02f, 0.15f}, layer.movingMean().value().data(), 1e-6f);
        assertArrayEquals(new float[] {0.99f + 0.01f, 0.99f + 0.25f}, layer.movingVariance().value().data(), 1e-6f);
        Tensor y = layer.call(Tensor.of(new float[][] {{1, 10}, {3, 20}}), false);
        assertEquals(2, y.rows());
    }

    @Test
    void rejectsWrongChannelCountNamingLayerAndShapes() {
        BatchNormalization bn = (BatchNormalization) new BatchNormalization().named("bn");
        bn.build(Shape.of(4), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.call(Tensor.zeros(2, 3), false));
        assertTrue(e.getMessage().contains("\"bn\"") && e.getMessage().contains("(None, 3)")
                && e.getMessage().contains("4"), e.getMessage());
        LayerNormalization ln = (LayerNormalization) new LayerNormalization().named("ln");
        ln.build(Shape.of(2, 4), false);
        e = assertThrows(IllegalArgumentException.class, () -> ln.call(Tensor.zeros(1, 2, 5), false));
        assertTrue(e.getMessage().contains("\"ln\"") && e.getMessage().contains("(None, 2, 5)")
                && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void rejectsAxisOutOfRangeNamingLayerAndShape() {
        BatchNormalization bn = (BatchNormalization) BatchNormalization.builder().axis(3).build().named("bn3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.outputShape(Shape.of(4)));
        assertTrue(e.getMessage().contains("\"bn3\"") && e.getMessage().contains("(None, 4)"), e.getMessage());
        LayerNormalization ln = new LayerNormalization(LayerNormalization.defaults().withAxis(-3));
        assertThrows(IllegalArgumentException.class, () -> ln.call(Tensor.zeros(2, 4), false));
        assertThrows(IllegalArgumentException.class, () -> BatchNormalization.builder().axis(0).build());
        assertThrows(IllegalArgumentException.class, () -> BatchNormalization.builder().epsilon(0f).build());
    }

    @Test
    void configsOfEqualLayersAreEqual() {
        assertEquals(new BatchNormalization().config(), new BatchNormalization().config());
        assertEquals(new LayerNormalization().config(), new LayerNormalization().config());
        assertSame(-1, new LayerNormalization().config().axis());
    }

    private static void randomize(Layer layer, long seed) {
        var random = new java.util.SplittableRandom(seed);
        for (var p : layer.parameters()) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = p.name().equals("moving_variance") ? (float) (0.5 + random.nextDouble())
                        : (float) (random.nextDouble() * 2 - 1);
            }
        }
    }
}
