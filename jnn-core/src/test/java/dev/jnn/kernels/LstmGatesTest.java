package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused LSTM gate backward: both backends against a double-precision reference of the formulas,
 * on unit counts around the vector width (tails), several rows and offsets into every array; and each
 * bit for bit against the unfused element-wise passes of its backend that it replaces.
 */
class LstmGatesTest {
    private static final LstmGates SCALAR = new ScalarLstmGates();
    private static final LstmGates VECTOR = new VectorLstmGates();
    private static final int[] UNITS = {1, 3, 7, 8, 9, 16, 17, 31, 128};
    private static final int OFF = 3;

    private static float[] random(Random random, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (random.nextFloat() * 2f - 1f) * scale;
        }
        return x;
    }

    @Test
    void backwardMatchesTheFormulas() {
        for (int units : UNITS) {
            for (int rows : new int[] {1, 3}) {
                var random = new Random(units * 100L + rows);
                int width = 4 * units;
                float[] gates = new float[OFF + rows * width];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < width; j++) {
                        float v = random.nextFloat();
                        // The c block holds tanh values in (-1, 1); the others sigmoid values in (0, 1).
                        gates[OFF + r * width + j] = j / units == 2 ? 2 * v - 1 : v;
                    }
                }
                float[] tanhC = random(random, OFF + rows * units, 0.99f);
                float[] cPrev = random(random, OFF + rows * units, 3f);
                float[] dh = random(random, OFF + rows * units, 1f);
                float[] dc = random(random, OFF + rows * units, 1f);
                float[] dcPrev0 = random(random, OFF + rows * units, 1f);
                for (LstmGates kernel : List.of(SCALAR, VECTOR)) {
                    float[] dz = new float[OFF + rows * width];
                    float[] dcPrev = dcPrev0.clone();
                    kernel.backward(dh, OFF, dc, OFF, gates, OFF, tanhC, OFF, cPrev, OFF, dz, OFF, dcPrev, OFF, rows, units);
                    String what = kernel.getClass().getSimpleName() + " units=" + units + " rows=" + rows;
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < units; j++) {
                            int g = OFF + r * width + j;
                            int s = OFF + r * units + j;
                            double i = gates[g];
                            double f = gates[g + units];
                            double gg = gates[g + 2 * units];
                            double o = gates[g + 3 * units];
                            double tc = tanhC[s];
                            double dcTotal = dc[s] + dh[s] * o * (1 - tc * tc);
                            assertEquals(dcTotal * gg * i * (1 - i), dz[g], 1e-6, what + " dz_i");
                            assertEquals(dcTotal * cPrev[s] * f * (1 - f), dz[g + units], 1e-6, what + " dz_f");
                            assertEquals(dcTotal * i * (1 - gg * gg), dz[g + 2 * units], 1e-6, what + " dz_c");
                            assertEquals(dh[s] * tc * o * (1 - o), dz[g + 3 * units], 1e-6, what + " dz_o");
                            assertEquals(dcPrev0[s] + dcTotal * f, dcPrev[s], 1e-6, what + " dcPrev");
                        }
                    }
                    assertEquals(dcPrev0[OFF - 1], dcPrev[OFF - 1], 0f, what + ": wrote before dcPrev");
                }
            }
        }
    }

    @Test
    void bothAreTheUnfusedPassesOfTheirBackendBitForBit() {
        for (var pair : List.of(List.of(VECTOR, new VectorElementwise()), List.of(SCALAR, new ScalarElementwise()))) {
            LstmGates kernel = (LstmGates) pair.get(0);
            Elementwise e = (Elementwise) pair.get(1);
            for (int units : UNITS) {
                int rows = 3;
                int width = 4 * units;
                int n = rows * units;
                var random = new Random(units);
                float[] gates = new float[rows * width];
                for (int i = 0; i < gates.length; i++) {
                    float v = random.nextFloat();
                    gates[i] = (i % width) / units == 2 ? 2 * v - 1 : v;
                }
                float[] tanhC = random(random, n, 0.99f);
                float[] cPrev = random(random, n, 2f);
                float[] dh = random(random, n, 1f);
                float[] dc = random(random, n, 1f);
                // The unfused backward, as the LSTM layer ran it before.
                float[] dz = new float[rows * width];
                float[] dTanhC = new float[n];
                float[] dcPrev = new float[n];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < units; j++) {
                        int u = r * units + j;
                        dz[r * width + 3 * units + j] = dh[u] * tanhC[u];
                        dTanhC[u] = dh[u] * gates[r * width + 3 * units + j];
                    }
                }
                e.tanhBackward(tanhC, 0, dTanhC, 0, dTanhC, 0, n);
                for (int r = 0; r < rows; r++) {
                    int row = r * width;
                    for (int j = 0; j < units; j++) {
                        int u = r * units + j;
                        float dcTotal = dc[u] + dTanhC[u];
                        dz[row + j] = dcTotal * gates[row + 2 * units + j];
                        dz[row + units + j] = dcTotal * cPrev[u];
                        dz[row + 2 * units + j] = dcTotal * gates[row + j];
                        dcPrev[u] += dcTotal * gates[row + units + j];
                    }
                    e.sigmoidBackward(gates, row, dz, row, dz, row, 2 * units);
                    e.tanhBackward(gates, row + 2 * units, dz, row + 2 * units, dz, row + 2 * units, units);
                    e.sigmoidBackward(gates, row + 3 * units, dz, row + 3 * units, dz, row + 3 * units, units);
                }
                float[] fusedDz = new float[rows * width];
                float[] fusedDcPrev = new float[n];
                kernel.backward(dh, 0, dc, 0, gates, 0, tanhC, 0, cPrev, 0, fusedDz, 0, fusedDcPrev, 0, rows, units);
                String what = kernel.getClass().getSimpleName() + " units=" + units;
                assertArrayEquals(dz, fusedDz, "dz, " + what);
                assertArrayEquals(dcPrev, fusedDcPrev, "dcPrev, " + what);
            }
        }
    }
}
