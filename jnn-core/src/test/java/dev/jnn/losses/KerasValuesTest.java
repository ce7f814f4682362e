package dev.jnn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Loss values against real Keras 3.15.1.
 *
 * <p>Every expected number was printed by {@code float(keras.losses.X(...)(y_true, y_pred,
 * sample_weight=w))} with {@code KERAS_BACKEND=torch} on the inputs below (float32), and the same
 * script under the TensorFlow backend gave the same numbers to 7 digits, except sparse categorical
 * crossentropy on probabilities, where TensorFlow clips before normalising (JAX, NumPy and PyTorch,
 * which jnn follows, normalise first).
 */
class KerasValuesTest {
    private static final float[][] REG_T = {{1.0f, 2.0f}, {0.5f, -1.0f}, {3.0f, 0.0f}};
    private static final float[][] REG_P = {{1.5f, 1.0f}, {0.4f, -0.2f}, {2.0f, 0.3f}};
    private static final float[] SW = {0.5f, 2.0f, 1.0f};
    private static final float[][] POS_T = {{1.0f, 2.0f}, {0.0f, 3.0f}, {4.0f, 1.0f}};
    private static final float[][] POS_P = {{0.5f, 2.5f}, {0.2f, 1.0f}, {3.0f, 2.0f}};
    private static final float[][] HINGE_T01 = {{0, 1}, {1, 0}, {1, 1}};
    private static final float[][] HINGE_TPM = {{-1, 1}, {1, -1}, {1, 1}};
    private static final float[][] HINGE_TOTHER = {{-1, 1}, {0, -1}, {1, 1}};
    private static final float[][] HINGE_P = {{0.3f, 0.8f}, {-0.6f, 0.4f}, {1.5f, 0.9f}};
    private static final float[][] BCE_T = {{0, 1}, {1, 0}, {1, 1}};
    private static final float[][] BCE_P = {{0.1f, 0.8f}, {0.6f, 0.3f}, {0.99f, 1.0f}};
    private static final float[][] BCE_LOGITS = {{-2.0f, 1.5f}, {0.3f, -0.7f}, {4.0f, 20.0f}};
    private static final float[][] ONE_HOT = {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}};
    private static final float[][] PROBS = {{0.2f, 0.5f, 0.3f}, {0.1f, 0.1f, 1.6f}, {0.0f, 0.3f, 0.7f}};
    private static final float[][] LOGITS = {{1.0f, 2.0f, -1.0f}, {0.5f, -0.5f, 3.0f}, {-2.0f, 0.0f, 1.0f}};
    private static final int[] LABELS = {1, 2, 0};
    private static final float[][] KLD_T = {{0.2f, 0.8f, 0.0f}, {0.5f, 0.25f, 0.25f}, {1.0f, 0.0f, 0.0f}};
    private static final float[][] KLD_P = {{0.3f, 0.6f, 0.1f}, {0.0f, 0.5f, 0.5f}, {0.7f, 0.2f, 0.1f}};
    private static final float[][] COS_T = {{0.0f, 1.0f, 2.0f}, {1.0f, 1.0f, 0.0f}, {0.0f, 0.0f, 0.0f}};
    private static final float[][] COS_P = {{1.0f, 0.5f, 1.0f}, {-1.0f, -2.0f, 0.5f}, {0.3f, 0.1f, 0.2f}};
    private static final float[][] CH_T = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}};
    private static final float[][] CH_P = {{0.3f, 0.9f, 0.6f}, {0.2f, 0.7f, 0.1f}, {0.5f, -0.2f, 0.4f}};

    private static void check(double expected, Loss loss, Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        float actual = loss.compute(yTrue, yPred, sampleWeight, null);
        assertEquals(expected, actual, 2e-6 * Math.max(1.0, Math.abs(expected)), loss.name());
    }

    private static void check(double expected, Loss loss, float[][] yTrue, float[][] yPred, float[] sampleWeight) {
        check(expected, loss, Tensor.of(yTrue), Tensor.of(yPred), sampleWeight);
    }

    @Test
    void regression() {
        check(0.498333365, new MeanSquaredError(), REG_T, REG_P, null);
        check(0.502499998, new MeanSquaredError(), REG_T, REG_P, SW);
        check(0.616666675, new MeanAbsoluteError(), REG_T, REG_P, null);
        check(0.641666651, new MeanAbsoluteError(), REG_T, REG_P, SW);
        check(0.0617584884, new MeanSquaredLogarithmicError(), REG_T, REG_P, null);
        check(0.0447022431, new MeanSquaredLogarithmicError(), REG_T, REG_P, SW);
        check(0.221293733, new LogCosh(), REG_T, REG_P, null);
        check(0.224426642, new LogCosh(), REG_T, REG_P, SW);
        check(0.249166682, new Huber(), REG_T, REG_P, null);
        check(0.251249999, new Huber(), REG_T, REG_P, SW);
        check(0.200000003, new Huber(new Huber.Config(0.5)), REG_T, REG_P, null);
        check(0.495494753, new Poisson(), POS_T, POS_P, null);
        check(0.540447652, new Poisson(), POS_T, POS_P, SW);
    }

    @Test
    void meanAbsolutePercentageErrorDividesByEpsilonForZeroLabels() {
        // REG_T has a zero label: |0 - 0.3| / 1e-7 * 100 / 2 / 3 = 5e7 dominates, as in Keras.
        check(50000036, new MeanAbsolutePercentageError(), REG_T, REG_P, null);
        check(50000048, new MeanAbsolutePercentageError(), REG_T, REG_P, SW);
    }

    @Test
    void hinges() {
        check(0.766666651, new Hinge(), HINGE_T01, HINGE_P, null);
        check(0.766666651, new Hinge(), HINGE_TPM, HINGE_P, null);
        check(0.666666687, new Hinge(), HINGE_TOTHER, HINGE_P, null);   // mixed labels: not converted
        check(1.14166665, new Hinge(), HINGE_T01, HINGE_P, SW);
        check(1.04333341, new SquaredHinge(), HINGE_T01, HINGE_P, null);
        check(1.04333341, new SquaredHinge(), HINGE_TPM, HINGE_P, null);
        check(0.783333302, new SquaredHinge(), HINGE_TOTHER, HINGE_P, null);
        check(1.65250003, new SquaredHinge(), HINGE_T01, HINGE_P, SW);
        check(1.10000002, new CategoricalHinge(), CH_T, CH_P, null);
        check(1.48333323, new CategoricalHinge(), CH_T, CH_P, SW);
    }

    @Test
    void binaryCrossentropy() {
        check(0.201009169, new BinaryCrossentropy(), BCE_T, BCE_P, null);   // 1.0 is clipped to 1 - 1e-7
        check(0.318217248, new BinaryCrossentropy(), BCE_T, BCE_P, SW);
        check(0.62390548, new BinaryCrossentropy(new BinaryCrossentropy.Config(false, 0.2)), BCE_T, BCE_P, null);
        check(0.217338756, new BinaryCrossentropy(new BinaryCrossentropy.Config(true, 0.0)), BCE_T, BCE_LOGITS, null);
        check(0.580817223, new BinaryCrossentropy(new BinaryCrossentropy.Config(true, 0.1)), BCE_T, BCE_LOGITS, SW);
    }

    @Test
    void categoricalCrossentropy() {
        // PROBS rows do not sum to 1 and hold a 0: Keras normalises by the row sum, then clips.
        check(5.64300871, new CategoricalCrossentropy(), ONE_HOT, PROBS, null);
        check(5.56674528, new CategoricalCrossentropy(), ONE_HOT, PROBS, SW);
        check(5.37963915, new CategoricalCrossentropy(new CategoricalCrossentropy.Config(false, 0.1)),
                ONE_HOT, PROBS, null);
        check(1.26814616, new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, 0.0)),
                ONE_HOT, LOGITS, null);
        check(1.34544885, new CategoricalCrossentropy(new CategoricalCrossentropy.Config(true, 0.1)),
                ONE_HOT, LOGITS, SW);
    }

    @Test
    void sparseCategoricalCrossentropy() {
        Tensor labels = Tensor.ofLabels(LABELS);
        Tensor column = labels.reshape(Shape.of(3, 1));
        var probabilities = new SparseCategoricalCrossentropy();
        var logits = new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(true));
        check(5.64300871, probabilities, labels, Tensor.of(PROBS), null);
        check(5.56674528, probabilities, labels, Tensor.of(PROBS), SW);
        check(5.64300871, probabilities, column, Tensor.of(PROBS), null);
        check(1.26814616, logits, labels, Tensor.of(LOGITS), null);
        check(1.24544895, logits, column, Tensor.of(LOGITS), SW);
    }

    @Test
    void klDivergenceAndCosineSimilarity() {
        check(2.62387466, new KLDivergence(), KLD_T, KLD_P, null);
        check(5.05433321, new KLDivergence(), KLD_T, KLD_P, SW);
        check(0.0601546764, new CosineSimilarity(), COS_T, COS_P, null);   // a zero row gives 0
        check(0.492987365, new CosineSimilarity(), COS_T, COS_P, SW);
    }

    @Test
    void rankMatchingOfColumnsAndVectors() {
        Tensor vector = Tensor.of(new float[] {1.0f, 0.0f, 1.0f, 0.0f});
        Tensor column = vector.reshape(Shape.of(4, 1));
        Tensor predColumn = new Tensor(Shape.of(4, 1), new float[] {0.9f, 0.2f, 0.4f, 0.6f});
        Tensor predVector = predColumn.reshape(Shape.of(4));
        float[] weights = {1.0f, 2.0f, 0.5f, 0.0f};
        check(0.19250001, new MeanSquaredError(), vector, predColumn, null);
        check(0.0675000027, new MeanSquaredError(), column, predVector, weights);
        check(0.252448261, new BinaryCrossentropy(), vector, predColumn, weights);
        // [N] vs [N]: one position over the whole batch, weighted by the mean weight, as in Keras.
        check(0.168437511, new MeanSquaredError(), vector, predVector, weights);
    }

    @Test
    void rankThreeSpreadsSampleWeightsOverPositions() {
        float[] t = new float[12];
        float[] p = new float[12];
        for (int i = 0; i < 12; i++) {
            t[i] = i / 10f;
            p[i] = (11 - i) / 7f;
        }
        Tensor yTrue = new Tensor(Shape.of(2, 2, 3), t);
        Tensor yPred = new Tensor(Shape.of(2, 2, 3), p);
        // Keras got sample_weight [[3, 3], [0.5, 0.5]]: the per-sample weights spread by hand.
        check(1.75653899, new MeanSquaredError(), yTrue, yPred, new float[] {3.0f, 0.5f});
        // y_true [2, 2] against y_pred [2, 2, 1]: the trailing 1 is squeezed, 2 positions of 2.
        float[] firstColumn = {t[0], t[3], t[6], t[9]};
        float[] firstPred = {p[0], p[3], p[6], p[9]};
        check(0.892550945, new MeanSquaredError(), new Tensor(Shape.of(2, 2), firstColumn),
                new Tensor(Shape.of(2, 2, 1), firstPred), null);
    }
}
