package dev.jnn.losses;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BadInputTest {
    private static final Tensor PROBS = Tensor.of(new float[][] {{0.2f, 0.5f, 0.3f}, {0.1f, 0.1f, 0.8f}});

    private static void assertMessage(Executable call, String... fragments) {
        var e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void shapeMismatchNamesTheLossAndBothShapes() {
        Loss mse = new MeanSquaredError();
        assertMessage(() -> mse.compute(Tensor.zeros(2, 3), Tensor.zeros(2, 4), null, null),
                "mean_squared_error", "[2, 3]", "[2, 4]");
        assertMessage(() -> mse.compute(Tensor.zeros(3), Tensor.zeros(2, 1), null, null), "[3]", "[2, 1]");
        // [N] against [N, 2]: a trailing axis that is not 1 is never squeezed.
        assertMessage(() -> new BinaryCrossentropy().compute(Tensor.zeros(2), Tensor.zeros(2, 2), null, null),
                "binary_crossentropy", "[2]", "[2, 2]");
        assertMessage(() -> mse.compute(Tensor.scalar(1f), Tensor.scalar(1f), null, null), "[]");
        assertMessage(() -> new SparseCategoricalCrossentropy().compute(Tensor.zeros(3), PROBS, null, null),
                "sparse_categorical_crossentropy", "[3]", "[2, 3]");
        assertMessage(() -> new SparseCategoricalCrossentropy().compute(Tensor.zeros(2, 2), PROBS, null, null),
                "[2, 2]", "[2, 3]");
    }

    @Test
    void sampleWeightsAndGradientBufferOfTheWrongLength() {
        Loss mse = new MeanSquaredError();
        assertMessage(() -> mse.compute(PROBS, PROBS, new float[3], null), "mean_squared_error", "sampleWeight", "3", "2");
        assertMessage(() -> mse.compute(PROBS, PROBS, null, new float[5]), "grad", "5", "6");
        // Rank 3: one weight per sample, not per position.
        Tensor cube = Tensor.zeros(Shape.of(2, 2, 3));
        assertMessage(() -> mse.compute(cube, cube, new float[4], null), "sampleWeight", "4");
    }

    @Test
    void sparseLabelsMustBeClassIndices() {
        Loss scce = new SparseCategoricalCrossentropy();
        assertMessage(() -> scce.compute(Tensor.of(new float[] {0, 3}), PROBS, null, null),
                "sparse_categorical_crossentropy", "row 1", "3.0", "[0, 3)");
        assertMessage(() -> scce.compute(Tensor.of(new float[] {-1, 0}), PROBS, null, null), "row 0", "-1.0");
        assertMessage(() -> scce.compute(Tensor.of(new float[] {1, 0.5f}), PROBS, null, null), "row 1", "0.5");
        assertMessage(() -> scce.compute(Tensor.of(new float[] {Float.NaN, 0}), PROBS, null, null), "row 0", "NaN");
        Loss logits = new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true));
        assertMessage(() -> logits.compute(Tensor.of(new float[] {2, 7}), PROBS, null, new float[6]), "row 1", "7.0");
    }
}
