package dev.jnn.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalarMathTest {
    // {x, erf(x), erfc(x)} from Python's math.erf / math.erfc (double precision).
    private static final double[][] ERF = {
            {-30.0, -1.0, 2.0},
            {-6.0, -1.0, 2.0},
            {-3.0, -0.9999779095030014, 1.9999779095030015},
            {-2.5, -0.999593047982555, 1.999593047982555},
            {-2.4999, -0.9995928300996666, 1.9995928300996666},
            {-1.0, -0.8427007929497149, 1.842700792949715},
            {-0.3, -0.3286267594591274, 1.3286267594591274},
            {-1e-09, -1.1283791670955127e-09, 1.0000000011283792},
            {0.0, 0.0, 1.0},
            {1e-09, 1.1283791670955127e-09, 0.9999999988716208},
            {0.3, 0.3286267594591274, 0.6713732405408726},
            {1.0, 0.8427007929497149, 0.15729920705028513},
            {2.4999, 0.9995928300996666, 0.0004071699003334514},
            {2.5, 0.999593047982555, 0.0004069520174449589},
            {3.0, 0.9999779095030014, 2.2090496998585438e-05},
            {4.5, 0.9999999998033839, 1.9661604415428873e-10},
            {6.0, 1.0, 2.1519736712498916e-17},
            {10.0, 1.0, 2.088487583762545e-45},
            {15.0, 1.0, 7.212994172451206e-100},
            {20.0, 1.0, 5.3958656116079005e-176},
    };

    @Test
    void erfMatchesPythonToNearlyDoublePrecision() {
        for (double[] row : ERF) {
            assertEquals(row[1], ScalarMath.erf(row[0]), 1e-15 * Math.abs(row[1]) + 1e-300, "erf(" + row[0] + ")");
        }
    }

    @Test
    void erfcKeepsRelativeAccuracyInTheTail() {
        for (double[] row : ERF) {
            // 1e-12: just below 2.5, erfc is computed as 1 - erf and loses ~3 digits by design.
            assertEquals(row[2], ScalarMath.erfc(row[0]), 1e-12 * Math.abs(row[2]), "erfc(" + row[0] + ")");
        }
    }

    @Test
    void erfIsOddAndPropagatesNaN() {
        for (double x = -5; x <= 5; x += 0.37) {
            assertEquals(-ScalarMath.erf(x), ScalarMath.erf(-x), 0.0);
        }
        assertTrue(Double.isNaN(ScalarMath.erf(Double.NaN)));
        assertTrue(Double.isNaN(ScalarMath.erfc(Double.NaN)));
    }

    @Test
    void sigmoidAndSoftplusStayFiniteAtExtremes() {
        assertEquals(0.0, ScalarMath.sigmoid(-1000), 0.0);
        assertEquals(1.0, ScalarMath.sigmoid(1000), 0.0);
        assertEquals(Math.exp(-700), ScalarMath.sigmoid(-700), 1e-15 * Math.exp(-700));
        assertEquals(1000.0, ScalarMath.softplus(1000), 0.0);
        assertEquals(Math.exp(-700), ScalarMath.softplus(-700), 1e-15 * Math.exp(-700));
        assertEquals(Math.log(2), ScalarMath.softplus(0), 1e-16);
    }
}
