package dev.jnn.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The LSTM gate backward on the Vector API.
 *
 * <p>Loop order: row by row, and along a row in steps of {@code WIDTH} units, all four gate blocks of
 * those units at once (the blocks are {@code units} apart in gates and dz), then the last
 * {@code units mod WIDTH} units in scalar code: per vector of units 8 loads and 5 stores, nothing
 * re-read. No transcendental function is evaluated, so the loop body stays small for C2.
 *
 * <p>Arithmetic: the float operations of {@code VectorElementwise}'s sigmoid and tanh backwards and of
 * the unfused layer's products, in the same order, in the lanes and in the tail alike, so the fused
 * backward gives the bits the separate vector passes gave.
 */
final class VectorLstmGates implements LstmGates {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOATS;
    private static final int WIDTH = SPECIES.length();

    @Override
    public void backward(float[] dh, int dhOffset, float[] dc, int dcOffset, float[] gates, int gatesOffset,
                         float[] tanhC, int tanhCOffset, float[] cPrev, int cPrevOffset,
                         float[] dz, int dzOffset, float[] dcPrev, int dcPrevOffset, int rows, int units) {
        int width = 4 * units;
        int bound = SPECIES.loopBound(units);
        for (int r = 0; r < rows; r++) {
            int gr = gatesOffset + r * width;
            int dr = dzOffset + r * width;
            int sr = r * units;
            int j = 0;
            for (; j < bound; j += WIDTH) {
                var i = load(gates, gr + j);
                var f = load(gates, gr + units + j);
                var g = load(gates, gr + 2 * units + j);
                var o = load(gates, gr + 3 * units + j);
                var tc = load(tanhC, tanhCOffset + sr + j);
                var dhj = load(dh, dhOffset + sr + j);
                var dcTotal = load(dc, dcOffset + sr + j).add(tanhSlope(tc, dhj.mul(o)));
                sigmoidSlope(i, dcTotal.mul(g)).intoArray(dz, dr + j);
                sigmoidSlope(f, dcTotal.mul(load(cPrev, cPrevOffset + sr + j))).intoArray(dz, dr + units + j);
                tanhSlope(g, dcTotal.mul(i)).intoArray(dz, dr + 2 * units + j);
                sigmoidSlope(o, dhj.mul(tc)).intoArray(dz, dr + 3 * units + j);
                load(dcPrev, dcPrevOffset + sr + j).add(dcTotal.mul(f)).intoArray(dcPrev, dcPrevOffset + sr + j);
            }
            for (; j < units; j++) {
                int u = sr + j;
                float i = gates[gr + j];
                float f = gates[gr + units + j];
                float g = gates[gr + 2 * units + j];
                float o = gates[gr + 3 * units + j];
                float tc = tanhC[tanhCOffset + u];
                float dhj = dh[dhOffset + u];
                float dcTotal = dc[dcOffset + u] + tanhSlope(tc, dhj * o);
                dz[dr + j] = sigmoidSlope(i, dcTotal * g);
                dz[dr + units + j] = sigmoidSlope(f, dcTotal * cPrev[cPrevOffset + u]);
                dz[dr + 2 * units + j] = tanhSlope(g, dcTotal * i);
                dz[dr + 3 * units + j] = sigmoidSlope(o, dhj * tc);
                dcPrev[dcPrevOffset + u] += dcTotal * f;
            }
        }
    }

    private static FloatVector load(float[] a, int offset) {
        return FloatVector.fromArray(SPECIES, a, offset);
    }

    /** {@code dy · y(1 - y)}, as VectorElementwise's sigmoid backward. */
    private static FloatVector sigmoidSlope(FloatVector y, FloatVector dy) {
        return dy.mul(y.mul(y.neg().add(1f)));
    }

    /** {@code dy · (1 - y)(1 + y)}, as VectorElementwise's tanh backward. */
    private static FloatVector tanhSlope(FloatVector y, FloatVector dy) {
        return dy.mul(y.neg().add(1f).mul(y.add(1f)));
    }

    private static float sigmoidSlope(float y, float dy) {
        return dy * (y * (-y + 1f));
    }

    private static float tanhSlope(float y, float dy) {
        return dy * ((-y + 1f) * (y + 1f));
    }

}
