package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.regularizers.Regularizers;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

class DenseTest {
    @Test
    void computesAffineMapThenActivation() {
        Dense dense = new Dense(2, "relu");
        dense.build(Shape.of(3), false);
        System.arraycopy(new float[] {1, -1, 2, 0, -3, 1}, 0, dense.kernel().value().data(), 0, 6);
        System.arraycopy(new float[] {0.5f, -0.5f}, 0, dense.bias().value().data(), 0, 2);
        Tensor y = dense.call(Tensor.of(new float[][] {{1, 2, 3}, {0, 0, 0}}), false);
        // row 0: [1*1 + 2*2 + 3*-3 + 0.5, 1*-1 + 2*0 + 3*1 - 0.5] = [-3.5, 1.5] -> relu [0, 1.5]
        assertArrayEquals(new float[] {0f, 1.5f, 0.5f, 0f}, y.data(), 1e-6f);
        assertEquals(Shape.of(2, 2), y.shape());
    }

    @Test
    void hasKerasWeightShapesAndParameterCount() {
        Dense dense = new Dense(8);
        dense.build(Shape.of(2), false);
        assertEquals(Shape.of(2, 8), dense.kernel().shape());
        assertEquals(Shape.of(8), dense.bias().shape());
        assertEquals(24, dense.countParams());
        Dense noBias = Dense.builder(8).useBias(false).build();
        noBias.build(Shape.of(2), false);
        assertEquals(16, noBias.countParams());
    }

    @Test
    void defaultKernelIsGlorotUniformAndBiasZero() {
        SeedGenerator.setGlobalSeed(1);
        Dense dense = new Dense(300);
        dense.build(Shape.of(200), false);
        double limit = Math.sqrt(6.0 / 500);
        double max = 0;
        for (float v : dense.kernel().value().data()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= limit && max > 0.95 * limit, "max |w| " + max + " vs limit " + limit);
        for (float v : dense.bias().value().data()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void gradientsMatchNumericalForEveryActivation() {
        for (String act : new String[] {"linear", "relu", "sigmoid", "tanh", "softmax", "elu", "gelu"}) {
            SeedGenerator.setGlobalSeed(3);
            LayerGradientCheck.check(new Dense(4, act), Shape.of(3), 5, 11, true);
        }
    }

    @Test
    void gradientsWithoutBiasAndOnRank3Input() {
        SeedGenerator.setGlobalSeed(4);
        LayerGradientCheck.check(Dense.builder(3).useBias(false).activation("tanh").build(), Shape.of(4), 2, 5, true);
        LayerGradientCheck.check(new Dense(3, "sigmoid"), Shape.of(2, 4), 2, 6, true);
    }

    @Test
    void rejectsWrongInputWidthNamingLayerAndShapes() {
        Dense dense = (Dense) new Dense(4).named("hidden");
        dense.build(Shape.of(3), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.call(Tensor.zeros(5, 2), false));
        assertTrue(e.getMessage().contains("\"hidden\""), e.getMessage());
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("(None, 2)"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense(0));
        assertTrue(e.getMessage().contains("units"), e.getMessage());
    }

    @Test
    void regularizerPenaltyAndGradient() {
        Dense dense = Dense.builder(2).kernelRegularizer(Regularizers.get("l2")).build();
        dense.build(Shape.of(2), false);
        float[] w = dense.kernel().value().data();
        System.arraycopy(new float[] {1, 2, 3, 4}, 0, w, 0, 4);
        assertEquals(0.01f * 30, dense.regularizationLoss(), 1e-6f);
        dense.kernel().value().zeroGrad();
        dense.addRegularizationGradients();
        assertArrayEquals(new float[] {0.02f, 0.04f, 0.06f, 0.08f}, dense.kernel().grad(), 1e-7f);
    }
}
