package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Expected values come from Keras 3.15.1 (TensorFlow backend), e.g.
//   m = keras.metrics.Mean(); m.update_state([[1,3],[5,7]], sample_weight=[1,3]); m.result()
class MeanTest {
    private static final double TOL = 1e-6;

    @Test
    void weightedMeanOfRowMeansThenScalarUpdateMatchesKeras() {
        Mean m = new Mean();
        m.update(Tensor.of(new float[][] {{1, 3}, {5, 7}}), new float[] {1, 3});
        assertEquals(5.0, m.result(), TOL);            // Keras: 5.0 = (1·2 + 3·6) / 4
        m.update(2.5, 4);
        assertEquals(3.75, m.result(), TOL);           // Keras: 3.75 = (20 + 10) / 8
    }

    @Test
    void unweightedMeanMatchesKeras() {
        Mean m = new Mean();
        m.update(Tensor.of(new float[] {1, 3, 5, 7}), null);
        assertEquals(4.0, m.result(), TOL);            // Keras: 4.0
    }

    @Test
    void lossTrackerIsTheBatchSizeWeightedMean() {
        // As the trainer logs "loss": each batch loss weighted by its batch size.
        Mean loss = new Mean("loss");
        loss.update(0.5, 32);
        loss.update(0.25, 32);
        loss.update(1.0, 8);
        double expected = (0.5 * 32 + 0.25 * 32 + 1.0 * 8) / 72.0;
        assertEquals(expected, loss.result(), 1e-12);
        assertEquals("loss", loss.name());
    }

    @Test
    void resetForgetsAndEmptyResultIsZero() {
        Mean m = new Mean();
        assertEquals(0.0, m.result());                  // divide_no_nan
        m.update(3.0);
        m.update(5.0);
        assertEquals(4.0, m.result(), 1e-12);
        m.reset();
        assertEquals(0.0, m.result());
        m.update(7.0, 2.0);
        assertEquals(7.0, m.result(), 1e-12);
    }

    @Test
    void rejectsPairsAndMismatchedWeights() {
        Mean m = new Mean();
        Tensor t = Tensor.of(new float[] {1, 2});
        assertThrows(UnsupportedOperationException.class, () -> m.update(t, t, null));
        var e = assertThrows(IllegalArgumentException.class, () -> m.update(t, new float[] {1, 2, 3}));
        assertEquals("mean: sampleWeight has 3 values, the batch has 2 samples", e.getMessage());
    }

    @Test
    void sumMatchesKeras() {
        Sum s = new Sum();
        s.update(Tensor.of(new float[][] {{1, 3}, {5, 7}}), new float[] {1, 3});
        assertEquals(40.0, s.result(), TOL);           // Keras: 40.0 = 1·4 + 3·12
        s.update(Tensor.of(new float[] {1, 2}), null);
        assertEquals(43.0, s.result(), TOL);           // Keras: 43.0
        s.reset();
        assertEquals(0.0, s.result());
        assertThrows(UnsupportedOperationException.class,
                () -> s.update(Tensor.scalar(1), Tensor.scalar(1), null));
    }

    @Test
    void configMatchesKeras() {
        assertEquals(Map.of("name", "mean", "dtype", "float32"), new Mean().config());
        assertEquals(Map.of("name", "sum", "dtype", "float32"), new Sum().config());
    }
}
