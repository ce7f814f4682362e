package dev.jnn.kernels;

/**
 * The plain-Java LSTM gate backward: the test oracle for {@code VectorLstmGates} and the fallback.
 *
 * <p>One loop per row over the units. The activation slopes are evaluated in double and rounded once,
 * as {@link ScalarElementwise}'s sigmoid and tanh backwards do; the other products and sums are the
 * float operations of the unfused layer, in the same order (no fused multiply-add), so this gives the
 * bits the scalar element-wise passes gave. Every input of a unit is read before its outputs are written.
 */
final class ScalarLstmGates implements LstmGates {
    @Override
    public void backward(float[] dh, int dhOffset, float[] dc, int dcOffset, float[] gates, int gatesOffset,
                         float[] tanhC, int tanhCOffset, float[] cPrev, int cPrevOffset,
                         float[] dz, int dzOffset, float[] dcPrev, int dcPrevOffset, int rows, int units) {
        int width = 4 * units;
        for (int r = 0; r < rows; r++) {
            int gr = gatesOffset + r * width;
            int dr = dzOffset + r * width;
            for (int j = 0; j < units; j++) {
                int u = r * units + j;
                float i = gates[gr + j];
                float f = gates[gr + units + j];
                float g = gates[gr + 2 * units + j];
                float o = gates[gr + 3 * units + j];
                float tc = tanhC[tanhCOffset + u];
                float dhj = dh[dhOffset + u];
                float dcTotal = dc[dcOffset + u] + tanhSlope(tc, dhj * o);
                float dzo = dhj * tc;
                dz[dr + j] = sigmoidSlope(i, dcTotal * g);
                dz[dr + units + j] = sigmoidSlope(f, dcTotal * cPrev[cPrevOffset + u]);
                dz[dr + 2 * units + j] = tanhSlope(g, dcTotal * i);
                dz[dr + 3 * units + j] = sigmoidSlope(o, dzo);
                dcPrev[dcPrevOffset + u] += dcTotal * f;
            }
        }
    }

    /** {@code dy · σ'} from the sigmoid's output y, as ScalarElementwise.sigmoidBackward. */
    private static float sigmoidSlope(float y, float dy) {
        double s = y;
        return (float) (dy * (s * (1.0 - s)));
    }

    /** {@code dy · tanh'} from tanh's output y, as ScalarElementwise.tanhBackward. */
    private static float tanhSlope(float y, float dy) {
        double t = y;
        return (float) (dy * (1.0 - t * t));
    }
}
