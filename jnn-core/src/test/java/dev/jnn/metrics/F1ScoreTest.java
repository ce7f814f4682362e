package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.metrics.F1Score.Average;
import dev.jnn.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

// Expected values: Keras 3.15.1 (TensorFlow backend), e.g.
//   m = keras.metrics.F1Score(average="weighted", threshold=0.25)
//   m.update_state(yt1, yp1, sample_weight=w1); m.result(); m.update_state(yt2, yp2, ...); m.result()
// Batch 1 has a tie for the row maximum (row 4); batch 2 has an all-zero row (no class chosen).
class F1ScoreTest {
    private static final double TOL = 1e-6;
    static final Tensor T1 = Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}});
    static final Tensor P1 = Tensor.of(new float[][] {
        {0.6f, 0.3f, 0.1f}, {0.2f, 0.2f, 0.6f}, {0.1f, 0.1f, 0.8f}, {0.4f, 0.4f, 0.2f}, {0.3f, 0.5f, 0.2f}});
    static final float[] W1 = {1, 2, 1, 0.5f, 3};
    static final Tensor T2 = Tensor.of(new float[][] {{0, 0, 1}, {1, 0, 0}});
    static final Tensor P2 = Tensor.of(new float[][] {{0, 0, 0}, {0.9f, 0.05f, 0.05f}});
    static final float[] W2 = {1, 1};

    private static F1Score run(Average average, Float threshold, boolean weighted, double first, double second) {
        F1Score m = new F1Score("f1_score", new F1Score.Config(average, threshold));
        m.update(T1, P1, weighted ? W1 : null);
        assertEquals(first, m.result(), TOL, "after batch 1");
        m.update(T2, P2, weighted ? W2 : null);
        assertEquals(second, m.result(), TOL, "after batch 2");
        return m;
    }

    @Test
    void perClassScoresMatchKerasAverageNone() {
        F1Score m = new F1Score();
        m.update(T1, P1, W1);
        assertArrayEquals(new double[] {0.363636314868927, 0.16666662693023682, 0.4999999701976776}, m.perClass(), TOL);
        m.update(T2, P2, W2);
        double[] keras = {0.5333333015441895, 0.16666662693023682, 0.3999999463558197};
        assertArrayEquals(keras, m.perClass(), TOL);
        assertEquals(Arrays.stream(keras).average().orElseThrow(), m.result(), TOL);
        m.reset();
        assertArrayEquals(new double[] {0, 0, 0}, m.perClass());
    }

    @Test
    void averagesMatchKeras() {
        run(Average.MICRO, null, true, 0.32258057594299316, 0.37837833166122437);
        run(Average.MICRO, null, false, 0.5454545021057129, 0.5714285373687744);
        run(Average.MACRO, null, true, 0.34343430399894714, 0.36666664481163025);
        run(Average.MACRO, null, false, 0.555555522441864, 0.555555522441864);
        run(Average.WEIGHTED, null, true, 0.316161572933197, 0.40877190232276917);
        run(Average.WEIGHTED, null, false, 0.5333332419395447, 0.5714285373687744);
    }

    @Test
    void thresholdMatchesKeras() {
        F1Score none = run(null, 0.25f, true, (0.9411764740943909 + 0.14285710453987122 + 0.4999999701976776) / 3,
                (0.952380895614624 + 0.14285710453987122 + 0.3999999463558197) / 3);
        assertArrayEquals(new double[] {0.952380895614624, 0.14285710453987122, 0.3999999463558197},
                none.perClass(), TOL);
        run(Average.MICRO, 0.25f, true, 0.5641025304794312, 0.5777777433395386);
        run(Average.MACRO, 0.25f, true, 0.5280112028121948, 0.4984126389026642);
        run(Average.WEIGHTED, 0.25f, true, 0.6162465214729309, 0.6230576038360596);
    }

    @Test
    void softLabelsCountFractionallyAsInKeras() {
        F1Score m = new F1Score();
        m.update(Tensor.of(new float[][] {{0.8f, 0.2f}, {0.3f, 0.7f}}),
                Tensor.of(new float[][] {{0.6f, 0.4f}, {0.7f, 0.3f}}), null);
        assertArrayEquals(new double[] {0.7096773386001587, 0.0}, m.perClass(), TOL);
    }

    @Test
    void microAgainstIndependentFormula() {
        // Unweighted batch 1 by hand (arg-max decisions, tie in row 4 picks classes 0 and 1):
        // TP = rows 1, 3, 4(class 1) = 3; FP = row 2 (class 2), row 4 (class 0), row 5 (class 1) = 3;
        // FN = row 2 (class 1), row 5 (class 0) = 2.
        F1Score m = new F1Score("f1", new F1Score.Config(Average.MICRO, null));
        m.update(T1, P1, null);
        double p = 3 / (6 + 1e-7);
        double r = 3 / (5 + 1e-7);
        assertEquals(2 * p * r / (p + r + 1e-7), m.result(), 1e-12);
    }

    @Test
    void errorsNameTheArgument() {
        var e = assertThrows(IllegalArgumentException.class, () -> new F1Score.Config(null, 0f));
        assertEquals("threshold must be in (0, 1], got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Average.of("samples"));
        assertEquals(null, Average.of(null));
        assertEquals(Average.WEIGHTED, Average.of("weighted"));
        F1Score m = new F1Score();
        assertEquals(0.0, m.result());
        assertThrows(IllegalArgumentException.class, () -> m.update(Tensor.ofLabels(new int[] {0, 1}), P1, null));
        m.update(T1, P1, null);
        assertThrows(IllegalArgumentException.class, () -> m.update(
                Tensor.of(new float[][] {{1, 0}}), Tensor.of(new float[][] {{0.4f, 0.6f}}), null));
    }

    @Test
    void configMatchesKeras() {
        var c = new F1Score("f1_score", new F1Score.Config(Average.MACRO, 0.5f)).config();
        assertEquals("macro", c.get("average"));
        assertEquals(0.5, c.get("threshold"));
        var d = new F1Score().config();
        assertEquals(null, d.get("average"));
        assertEquals(true, d.containsKey("threshold"));
    }
}
