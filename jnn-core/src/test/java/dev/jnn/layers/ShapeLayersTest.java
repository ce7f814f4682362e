package dev.jnn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.GradientTape;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.LayerContract;
import dev.jnn.testing.LayerGradientCheck;
import org.junit.jupiter.api.Test;

/** Activation, Dropout, Flatten, Reshape and Input. */
class ShapeLayersTest {
    @Test
    void activationLayerAppliesFunctionAndGradient() {
        Activation relu = new Activation("relu");
        Tensor y = relu.call(Tensor.of(new float[][] {{-1, 2}}), false);
        assertArrayEquals(new float[] {0, 2}, y.data());
        LayerGradientCheck.check(new Activation("tanh"), Shape.of(4), 3, 1, true);
        LayerGradientCheck.check(new Activation("softmax"), Shape.of(5), 3, 2, true);
        LayerGradientCheck.check(new Activation("log_softmax"), Shape.of(2, 3), 2, 3, true);
    }

    @Test
    void unknownActivationListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Activation("relux"));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("sigmoid"), e.getMessage());
    }

    @Test
    void dropoutIsIdentityAtInferenceAndScalesInTraining() {
        Dropout dropout = new Dropout(0.5f, 7L);
        Tensor x = Tensor.full(Shape.of(100, 100), 1f);
        assertSame(x, dropout.call(x, false));
        Tensor y = dropout.call(x, true);
        int zeros = 0;
        for (float v : y.data()) {
            assertTrue(v == 0f || v == 2f, "value " + v);
            zeros += v == 0f ? 1 : 0;
        }
        assertEquals(5000, zeros, 200); // binomial(10000, 0.5): sd 50
    }

    @Test
    void dropoutIsSeededAndItsGradientUsesTheMask() {
        Tensor x = Tensor.full(Shape.of(4, 8), 1f);
        float[] a = new Dropout(0.3f, 5L).call(x, true).data();
        float[] b = new Dropout(0.3f, 5L).call(x, true).data();
        float[] c = new Dropout(0.3f, 6L).call(x, true).data();
        assertArrayEquals(a, b);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));

        Dropout dropout = new Dropout(0.25f, 9L);
        Tensor in = Tensor.full(Shape.of(3, 5), 2f);
        in.markRequiresGrad();
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = dropout.call(in, true);
            java.util.Arrays.fill(y.grad(), 1f);
            tape.backward();
            for (int i = 0; i < in.size(); i++) {
                // y = x * mask, so dy/dx = mask = y / x
                assertEquals(y.data()[i] / 2f, in.grad()[i], 1e-6f);
            }
        }
        LayerGradientCheck.check(new Dropout(0.5f), Shape.of(3), 2, 4, false);
    }

    @Test
    void dropoutRejectsBadRate() {
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1f));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1f));
    }

    @Test
    void flattenAndReshapeShapesAndGradients() {
        Flatten flatten = new Flatten();
        assertEquals(Shape.of(6), flatten.outputShape(Shape.of(2, 3)));
        Tensor y = flatten.call(Tensor.zeros(4, 2, 3), false);
        assertEquals(Shape.of(4, 6), y.shape());
        LayerGradientCheck.check(new Flatten(), Shape.of(2, 3), 2, 1, true);

        Reshape reshape = new Reshape(3, -1);
        assertEquals(Shape.of(3, 2), reshape.outputShape(Shape.of(6)));
        LayerGradientCheck.check(new Reshape(3, 2), Shape.of(6), 2, 2, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Reshape(4, 2).outputShape(Shape.of(6)));
        assertTrue(e.getMessage().contains("target_shape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Reshape(0, 2));
    }

    @Test
    void inputCarriesShapeAndKerasNames() {
        Input input = Input.shape(28, 28, 1);
        assertEquals(Shape.of(28, 28, 1), input.shape());
        assertEquals("InputLayer", input.className());
        assertThrows(IllegalArgumentException.class, () -> Input.shape(new int[0]));
    }

    @Test
    void everyCoreLayerPassesTheContract() {
        LayerContract.check(() -> new Dense(3, "relu"), Shape.of(4), Shape.of(3), 15);
        LayerContract.check(() -> Dense.builder(3).useBias(false).build(), Shape.of(2, 4), Shape.of(2, 3), 12);
        LayerContract.check(() -> new Activation("tanh"), Shape.of(4), Shape.of(4), 0);
        LayerContract.check(() -> new Dropout(0.5f, 1L), Shape.of(4), Shape.of(4), 0);
        LayerContract.check(Flatten::new, Shape.of(2, 3), Shape.of(6), 0);
        LayerContract.check(() -> new Reshape(3, 2), Shape.of(6), Shape.of(3, 2), 0);
    }

    @Test
    void namesFollowKerasSnakeCase() {
        assertEquals("batch_normalization", LayerNames.snakeCase("BatchNormalization"));
        assertEquals("conv2d", LayerNames.snakeCase("Conv2D"));
        assertEquals("dense", LayerNames.snakeCase("Dense"));
        assertEquals("input_layer", LayerNames.snakeCase("InputLayer"));
        assertEquals("lstm", LayerNames.snakeCase("LSTM"));
    }
}
