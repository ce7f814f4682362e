package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllFiniteTest {
    private static final List<Elementwise> BACKENDS = List.of(new ScalarElementwise(), ElementwiseKernels.get());

    @Test
    void findsEveryNonFiniteValueAtEveryPosition() {
        for (Elementwise k : BACKENDS) {
            for (int length : new int[] {0, 1, 7, 8, 9, 16, 17, 33, 100}) {
                float[] x = new float[length + 3];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (i % 2 == 0 ? 1 : -1) * Float.MAX_VALUE / (i + 1);   // huge but finite
                }
                assertEquals(true, k.allFinite(x, 2, length), k.name() + " length " + length);
                for (int p = 0; p < length; p++) {
                    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                        float saved = x[2 + p];
                        x[2 + p] = bad;
                        assertEquals(false, k.allFinite(x, 2, length), k.name() + " " + bad + " at " + p);
                        x[2 + p] = saved;
                    }
                }
                // Outside the range, a bad value is not looked at.
                x[0] = Float.NaN;
                x[x.length - 1] = Float.POSITIVE_INFINITY;
                assertEquals(true, k.allFinite(x, 2, length), k.name() + " range only");
            }
        }
    }
}
