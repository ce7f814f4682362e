package dev.jnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

// Expected values: Keras 3.15.1 (TensorFlow backend), one update_state per batch, e.g.
//   m = keras.metrics.MeanSquaredError(); m.update_state(yt1, yp1, sample_weight=[1, .5, 2]); m.result()
class RegressionMetricsTest {
    private static final double TOL = 1e-6;
    static final Tensor T1 = Tensor.of(new float[][] {{1, 2}, {3, 4}, {0, -1}});
    static final Tensor P1 = Tensor.of(new float[][] {{1.5f, 2}, {2, 5}, {0.25f, 1}});
    static final float[] W1 = {1, 0.5f, 2};
    static final Tensor T2 = Tensor.of(new float[][] {{2, 2}});
    static final Tensor P2 = Tensor.of(new float[][] {{0, 1}});
    static final float[] W2 = {3};

    private static void assertRun(Metric m, double first, double second, float[] w1, float[] w2) {
        m.update(T1, P1, w1);
        assertEquals(first, m.result(), TOL);
        m.update(T2, P2, w2);
        assertEquals(second, m.result(), TOL);
        m.reset();
        assertEquals(0.0, m.result());
    }

    @Test
    void meanSquaredErrorMatchesKeras() {
        assertRun(new MeanSquaredError(), 1.3392857313156128, 1.875, W1, W2);
        assertRun(new MeanSquaredError(), 1.0520833730697632, 1.4140625, null, null);
    }

    @Test
    void meanAbsoluteErrorMatchesKeras() {
        assertRun(new MeanAbsoluteError(), 0.8571428656578064, 1.1538461446762085, W1, W2);
    }

    @Test
    void rootMeanSquaredErrorMatchesKeras() {
        assertRun(new RootMeanSquaredError(), 1.1572750806808472, 1.3693064451217651, W1, W2);
        assertRun(new RootMeanSquaredError(), 1.025711178779602, 1.1891436576843262, null, null);
    }

    @Test
    void randomBatchesAgainstIndependentFormulas() {
        var rnd = new Random(7);
        Metric mse = new MeanSquaredError();
        Metric mae = new MeanAbsoluteError();
        Metric rmse = new RootMeanSquaredError();
        double sq = 0;
        double abs = 0;
        double weights = 0;
        for (int batch = 0; batch < 3; batch++) {
            int n = 1 + rnd.nextInt(5);
            int d = 1 + rnd.nextInt(4);
            float[][] t = new float[n][d];
            float[][] p = new float[n][d];
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextFloat() * 2;
                double rowSq = 0;
                double rowAbs = 0;
                for (int j = 0; j < d; j++) {
                    t[i][j] = (float) rnd.nextGaussian();
                    p[i][j] = (float) rnd.nextGaussian();
                    double diff = (double) t[i][j] - p[i][j];
                    rowSq += diff * diff / d;
                    rowAbs += Math.abs(diff) / d;
                }
                sq += w[i] * rowSq;
                abs += w[i] * rowAbs;
                weights += w[i];
            }
            for (Metric m : new Metric[] {mse, mae, rmse}) {
                m.update(Tensor.of(t), Tensor.of(p), w);
            }
        }
        assertEquals(sq / weights, mse.result(), 1e-9);
        assertEquals(abs / weights, mae.result(), 1e-9);
        assertEquals(Math.sqrt(sq / weights), rmse.result(), 1e-9);
    }
}
