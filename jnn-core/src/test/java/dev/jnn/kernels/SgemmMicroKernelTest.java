package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both micro-kernels called directly on hand-packed panels, so that the one this machine's species
 * does not select (12×2 needs 512-bit vectors to be chosen, 4×2 is chosen otherwise) is tested too.
 */
class SgemmMicroKernelTest {
    @ParameterizedTest(name = "{0} rows, kc={1}, add={2}")
    @CsvSource({"12, 1, false", "12, 37, true", "12, 256, false", "4, 1, true", "4, 37, false", "4, 256, true"})
    void kernelMatchesDoubleProduct(int rows, int kc, boolean add) {
        int nr = SgemmMicroKernel.NR;
        int ldc = nr + 3;       // C wider than the tile: the kernel must keep to its columns
        var random = new Random(rows * 1000L + kc);
        float[] ap = SgemmOracle.random(random, kc * rows + 2);
        float[] bp = SgemmOracle.random(random, kc * nr + 2);
        float[] c0 = SgemmOracle.random(random, (rows + 1) * ldc);
        float[] c = c0.clone();
        int aOff = 1, bOff = 2, cOff = 1;
        if (rows == 12) {
            SgemmMicroKernel.run12x2(ap, aOff, bp, bOff, kc, c, cOff, ldc, add);
        } else {
            SgemmMicroKernel.run4x2(ap, aOff, bp, bOff, kc, c, cOff, ldc, add);
        }
        double gamma = (kc + 2) * Math.ulp(1.0f);
        for (int i = 0; i < (rows + 1) * ldc; i++) {
            int r = (i - cOff) / ldc, j = (i - cOff) % ldc;
            boolean inTile = i >= cOff && r < rows && j < nr;
            if (!inTile) {
                assertEquals(c0[i], c[i], 0f, "C[" + i + "] outside the tile");
                continue;
            }
            double sum = add ? c0[i] : 0;
            double magnitude = Math.abs(sum);
            for (int p = 0; p < kc; p++) {
                double term = (double) ap[aOff + p * rows + r] * bp[bOff + p * nr + j];
                sum += term;
                magnitude += Math.abs(term);
            }
            assertEquals(sum, c[i], gamma * magnitude, "C[" + r + "][" + j + "]");
        }
    }

    @ParameterizedTest(name = "bias={0}, relu={1}")
    @CsvSource({"true, true", "true, false", "false, true"})
    void epilogueMatchesTheScalarRow(boolean withBias, boolean relu) {
        int mr = SgemmMicroKernel.MR, nr = SgemmMicroKernel.NR, ldc = nr + 5;
        var random = new Random(9);
        float[] c = SgemmOracle.random(random, (mr + 1) * ldc);
        c[3] = -0f;
        float[] bias = withBias ? SgemmOracle.random(random, nr + 4) : null;
        float[] expected = c.clone();
        for (int r = 0; r < mr; r++) {
            SgemmEpilogue.row(expected, 2 + r * ldc, bias, 3, nr, relu);
        }
        SgemmMicroKernel.epilogue(c, 2, ldc, bias, 3, relu);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, c);
    }
}
