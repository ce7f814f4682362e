package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OrthogonalTest {

    /** Max |(MᵀM)[i][j] - g²·δij| over the columns of a row-major [rows, cols] matrix. */
    private static double columnGramError(float[] m, int rows, int cols, double gain) {
        double worst = 0;
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < cols; j++) {
                double dot = 0;
                for (int r = 0; r < rows; r++) {
                    dot += (double) m[r * cols + i] * m[r * cols + j];
                }
                worst = Math.max(worst, Math.abs(dot - (i == j ? gain * gain : 0)));
            }
        }
        return worst;
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    @Test
    void tallMatricesHaveOrthonormalColumns() {
        float[] w = new Orthogonal(1.0, 1L).create(Shape.of(200, 50)).data();
        assertTrue(columnGramError(w, 200, 50, 1.0) < 1e-5);
    }

    @Test
    void wideMatricesHaveOrthonormalRows() {
        float[] w = new Orthogonal(1.0, 2L).create(Shape.of(50, 200)).data();
        assertTrue(columnGramError(transpose(w, 50, 200), 200, 50, 1.0) < 1e-5);
    }

    @Test
    void squareMatricesAreOrthogonalBothWays() {
        float[] w = new Orthogonal(1.0, 3L).create(Shape.of(64, 64)).data();
        assertTrue(columnGramError(w, 64, 64, 1.0) < 1e-5);
        assertTrue(columnGramError(transpose(w, 64, 64), 64, 64, 1.0) < 1e-5);
    }

    @Test
    void higherRanksFlattenLeadingAxesIntoRows() {
        // [4, 5, 30] is a 20 x 30 matrix: wider than tall, so its 20 rows are orthonormal.
        float[] w = new Orthogonal(1.0, 4L).create(Shape.of(4, 5, 30)).data();
        assertTrue(columnGramError(transpose(w, 20, 30), 30, 20, 1.0) < 1e-5);
    }

    @Test
    void gainScalesTheMatrix() {
        float[] unit = new Orthogonal(1.0, 5L).create(Shape.of(30, 10)).data();
        float[] scaled = new Orthogonal(2.5, 5L).create(Shape.of(30, 10)).data();
        for (int i = 0; i < unit.length; i++) {
            assertEquals(2.5 * unit[i], scaled[i], 1e-6);
        }
        assertTrue(columnGramError(scaled, 30, 10, 2.5) < 1e-4);
    }

    // Expected values from Keras 3.15.1 (TensorFlow backend) on a fixed matrix a, in float64:
    //   q, r = keras.ops.qr(a); q = q * keras.ops.sign(keras.ops.diag(r)); (transposed when rows < cols)
    // which is the tail of keras.initializers.Orthogonal.__call__ after its random draw.
    @Test
    void matchesKerasOnAFixedTallMatrix() {
        double[] a = {0.5, -1.2, 0.3, 1.1, 0.4, -0.7, -0.2, 0.9, 1.5, 0.8, -0.3, 0.6};
        double[] keras = {
            0.34179296351233157, -0.6954597373925274, 0.3387589732758118,
            0.7519445197271296, 0.4561092395366268, -0.34266564082541595,
            -0.13671718540493263, 0.5525821442846686, 0.7532233861968605,
            0.5468687416197305, -0.05434233242136516, 0.4477467443867798};
        float[] out = new float[12];
        Orthogonal.fill(a, 4, 3, 1.0, out);
        for (int i = 0; i < 12; i++) {
            assertEquals(keras[i], out[i], 1e-6, "element " + i);
        }
    }

    @Test
    void matchesKerasOnAFixedWideMatrix() {
        // weight shape [2, 5]: Keras draws a [5, 2] matrix and transposes its Q.
        double[] a = {1.0, 2.0, -0.5, 0.25, 3.0, -1.0, 0.1, 0.7, -2.0, 0.4};
        double[] keras = {
            0.26481357066618805, -0.13240678533309402, 0.7944407119985641, 0.0264813570666188, -0.5296271413323761,
            0.9106588402377462, 0.07907366884368906, -0.2606807774771096, 0.30482711960879944, 0.05978119267272647};
        float[] out = new float[10];
        Orthogonal.fill(a, 2, 5, 1.0, out);
        for (int i = 0; i < 10; i++) {
            assertEquals(keras[i], out[i], 1e-6, "element " + i);
        }
    }

    @Property(tries = 40)
    void qrReconstructsTheMatrixWithAPositiveTriangularFactor(@ForAll @IntRange(min = 1, max = 12) int n,
                                                              @ForAll @IntRange(min = 0, max = 12) int extraRows,
                                                              @ForAll long seed) {
        int m = n + extraRows;
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(-1, 1);
        }
        double[] q = HouseholderQr.orthonormalColumns(a.clone(), m, n);
        // R = QᵀA must be upper triangular with a positive diagonal, and Q·R must give back A.
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < m; k++) {
                    dot += q[k * n + i] * a[k * n + j];
                }
                r[i * n + j] = dot;
            }
        }
        for (int i = 0; i < n; i++) {
            assertTrue(r[i * n + i] > 0, "R diagonal " + i + " = " + r[i * n + i]);
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, r[i * n + j], 1e-10, "R below the diagonal");
            }
        }
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < n; j++) {
                double qr = 0;
                for (int i = 0; i < n; i++) {
                    qr += q[k * n + i] * r[i * n + j];
                }
                assertEquals(a[k * n + j], qr, 1e-10);
            }
        }
    }

    @Test
    void rankBelowTwoIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Orthogonal(1.0, 1L).create(Shape.of(5)));
        assertTrue(e.getMessage().contains("[5]") && e.getMessage().contains("rank"), e.getMessage());
    }

    @Test
    void configHasSeedAndGain() {
        var init = new Orthogonal(0.5, 3L);
        assertEquals(List.of("seed", "gain"), List.copyOf(init.config().keySet()));
        assertEquals(0.5, init.config().get("gain"));
        assertEquals(1.0, new Orthogonal().gain());
    }
}
