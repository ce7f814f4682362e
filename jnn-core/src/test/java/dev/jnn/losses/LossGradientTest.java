package dev.jnn.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import dev.jnn.testing.GradientCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Central-difference checks of the gradient {@code compute} writes, for every loss and option, with
 * and without sample weights, on [batch, units] and rank-3 predictions. Inputs stay away from the
 * kinks (hinge margins, clip bounds, |e| = delta is smooth) so the numeric derivative exists.
 */
class LossGradientTest {
    private static final float[] WEIGHTS = {0.5f, 2.0f, 1.5f, 0.0f};

    // Four samples of three units, values chosen per family below.
    private static final float[][] REG_T = {{1.0f, 2.0f, -0.5f}, {0.5f, -1.0f, 0.2f}, {3.0f, 0.7f, 1.1f}, {-2f, 1f, 0.4f}};
    private static final float[][] REG_P = {{1.5f, 1.0f, 0.3f}, {0.4f, -0.2f, 1.9f}, {2.0f, 0.3f, 1.0f}, {0.1f, 1.5f, -0.7f}};
    private static final float[][] POS_T = {{1.0f, 2.0f, 0.5f}, {0.3f, 3.0f, 1.0f}, {4.0f, 1.0f, 2.0f}, {0.2f, 0.9f, 1.4f}};
    private static final float[][] POS_P = {{0.5f, 2.5f, 0.8f}, {0.2f, 1.0f, 1.7f}, {3.0f, 2.0f, 0.6f}, {0.4f, 0.3f, 2.2f}};
    private static final float[][] BINARY_T = {{0, 1, 1}, {1, 0, 0}, {1, 1, 0}, {0, 0, 1}};
    private static final float[][] SIGNED_T = {{-1, 1, 1}, {1, -1, -1}, {1, 1, -1}, {-1, -1, 1}};
    private static final float[][] PROBS = {{0.1f, 0.8f, 0.35f}, {0.6f, 0.3f, 0.05f}, {0.95f, 0.5f, 0.2f}, {0.7f, 0.15f, 0.45f}};
    private static final float[][] LOGITS = {{-2.0f, 1.5f, 0.2f}, {0.3f, -0.7f, 2.5f}, {4.0f, -1.0f, 0.0f}, {1.2f, 0.6f, -3.0f}};
    private static final float[][] HINGE_P = {{0.3f, 0.8f, 1.4f}, {-0.6f, 0.4f, 0.6f}, {1.5f, 0.7f, -0.2f}, {0.45f, -1.3f, 2.0f}};
    private static final float[][] ONE_HOT = {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}};
    private static final float[][] SOFT = {{0.2f, 0.7f, 0.1f}, {0.1f, 0.3f, 0.6f}, {0.5f, 0.25f, 0.25f}, {0.0f, 0.9f, 0.1f}};
    private static final float[] SPARSE = {1, 2, 0, 1};

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new MeanSquaredError(), REG_T, REG_P),
                Arguments.of(new MeanAbsoluteError(), REG_T, REG_P),
                Arguments.of(new MeanAbsolutePercentageError(), REG_T, REG_P),
                Arguments.of(new MeanSquaredLogarithmicError(), REG_T, REG_P),   // includes clipped negatives
                Arguments.of(new Huber(), REG_T, REG_P),
                Arguments.of(new Huber(new Huber.Config(0.3)), REG_T, REG_P),
                Arguments.of(new LogCosh(), REG_T, REG_P),
                Arguments.of(new Poisson(), POS_T, POS_P),
                Arguments.of(new Hinge(), BINARY_T, HINGE_P),
                Arguments.of(new Hinge(), SIGNED_T, HINGE_P),
                Arguments.of(new SquaredHinge(), BINARY_T, HINGE_P),
                Arguments.of(new SquaredHinge(), SIGNED_T, HINGE_P),
                Arguments.of(new CategoricalHinge(), ONE_HOT, HINGE_P),
                Arguments.of(new BinaryCrossentropy(), BINARY_T, PROBS),
                Arguments.of(new BinaryCrossentropy(new BinaryCrossentropy.Config(false, 0.2)), BINARY_T, PROBS),
                Arguments.of(new BinaryCrossentropy(new BinaryCrossentropy.Config(true, 0.0)), BINARY_T, LOGITS),
                Arguments.of(new BinaryCrossentropy(new BinaryCrossentropy.Config(true, 0.1)), BINARY_T, LOGITS),
                Arguments.of(new CategoricalCrossentropy(), ONE_HOT, PROBS),      // rows not normalised
                Arguments.of(new CategoricalCrossentropy(), SOFT, PROBS),
                Arguments.of(new CategoricalCrossentropy(new CategoricalCrossentropy.Config(false, 0.1)), ONE_HOT, PROBS),
                Arguments.of(new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, 0.0)), ONE_HOT, LOGITS),
                Arguments.of(new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, 0.2)), SOFT, LOGITS),
                Arguments.of(new KLDivergence(), SOFT, PROBS),
                Arguments.of(new CosineSimilarity(), REG_T, REG_P));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Loss loss, float[][] yTrue, float[][] yPred) {
        checkGradient(loss, Tensor.of(yTrue), Tensor.of(yPred), null);
        checkGradient(loss, Tensor.of(yTrue), Tensor.of(yPred), WEIGHTS);
        // Rank 3: the same numbers as two samples of two positions.
        checkGradient(loss, Tensor.of(yTrue).reshape(Shape.of(2, 2, 3)), Tensor.of(yPred).reshape(Shape.of(2, 2, 3)),
                new float[] {1.5f, 0.25f});
    }

    static List<Loss> sparseLosses() {
        return List.of(new SparseCategoricalCrossentropy(),
                new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseLosses")
    void sparseGradientMatchesCentralDifferences(Loss loss) {
        float[][] predictions = ((SparseCategoricalCrossentropy) loss).fromLogits() ? LOGITS : PROBS;
        Tensor labels = Tensor.of(SPARSE);
        checkGradient(loss, labels, Tensor.of(predictions), null);
        checkGradient(loss, labels.reshape(Shape.of(4, 1)), Tensor.of(predictions), WEIGHTS);
        checkGradient(loss, labels.reshape(Shape.of(2, 2)), Tensor.of(predictions).reshape(Shape.of(2, 2, 3)),
                new float[] {0.5f, 3.0f});
    }

    @Test
    void columnPredictionsAgainstVectorLabels() {
        Tensor labels = Tensor.of(new float[] {1, 0, 1, 1});
        Tensor predictions = new Tensor(Shape.of(4, 1), new float[] {0.8f, 0.3f, 0.45f, 0.1f});
        checkGradient(new BinaryCrossentropy(), labels, predictions, WEIGHTS);
        checkGradient(new MeanSquaredError(), labels.reshape(Shape.of(4, 1)), predictions.reshape(Shape.of(4)), WEIGHTS);
    }

    @Test
    void clippedProbabilitiesHaveNoGradient() {
        // Outside [1e-7, 1 - 1e-7] the clip is flat: Keras's gradient there is 0.
        Tensor labels = Tensor.of(new float[][] {{1, 0}});
        Tensor predictions = Tensor.of(new float[][] {{1.5f, -0.2f}});
        float[] grad = new float[2];
        new BinaryCrossentropy().compute(labels, predictions, null, grad);
        assertArrayEquals(new float[] {0f, 0f}, grad);
        new KLDivergence().compute(Tensor.of(new float[][] {{0.5f, 0.5f}}), predictions, null, grad);
        assertArrayEquals(new float[] {0f, 0f}, grad);
    }

    @Test
    void gradientIsOverwrittenNotAccumulated() {
        float[] grad = {100f, 100f, 100f};
        Tensor yTrue = Tensor.of(new float[][] {{1f, 2f, 3f}});
        Tensor yPred = Tensor.of(new float[][] {{1f, 3f, 3f}});
        new MeanSquaredError().compute(yTrue, yPred, null, grad);
        // d/dy mean((y - t)^2) = 2(y - t)/3
        assertArrayEquals(new float[] {0f, 2f / 3f, 0f}, grad, 1e-7f);
        assertEquals(1f / 3f, new MeanSquaredError().compute(yTrue, yPred, null, null), 1e-7f);
    }

    private static void checkGradient(Loss loss, Tensor yTrue, Tensor yPred, float[] weights) {
        float[] x = yPred.data().clone();
        Tensor probe = new Tensor(yPred.shape(), x);   // wraps x: GradientCheck perturbs it in place
        float[] analytic = new float[x.length];
        loss.compute(yTrue, probe, weights, analytic);
        GradientCheck.assertGradient(loss + " " + yTrue.shape() + " vs " + yPred.shape(), x, analytic,
                ignored -> loss.compute(yTrue, probe, weights, null), 5e-3, 1e-2);
    }
}
