package dev.jnn.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** LaneMath gives the bits of VectorMath's lanes, for ordinary, extreme and special inputs. */
class LaneMathTest {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOATS;

    private interface LaneFunction {
        float apply(float x);
    }

    private record Pair(String name, UnaryOperator<FloatVector> vector, LaneFunction lane) {
    }

    private static final Pair[] PAIRS = {
        new Pair("exp", VectorMath::exp, LaneMath::exp),
        new Pair("expm1", VectorMath::expm1, LaneMath::expm1),
        new Pair("sigmoid", VectorMath::sigmoid, LaneMath::sigmoid),
        new Pair("tanh", VectorMath::tanh, LaneMath::tanh),
    };

    private static final float[] SPECIAL = {
        0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 88.72f, 88.73f, -87.3f,
        -103.9f, -104f, 1e-8f, -1e-8f, 9.99f, 10f, 10.01f, 29.9f, 30f, 30.5f, -30.5f, 0.34657359f,
        -0.34657359f, 100f, -110f, 1e30f, -1e30f,
    };

    @Test
    void specialAndExtremeValuesGiveTheLanesBits() {
        for (Pair pair : PAIRS) {
            assertSameBits(pair, SPECIAL);
        }
    }

    @Test
    void valuesAcrossTheRangeGiveTheLanesBits() {
        var random = new SplittableRandom(11);
        float[] values = new float[4096];
        for (int i = 0; i < values.length; i++) {
            // Uniform over magnitudes from 1e-10 to 1e3 and both signs, where the polynomials work.
            double magnitude = Math.pow(10, -10 + 13 * random.nextDouble());
            values[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        for (Pair pair : PAIRS) {
            assertSameBits(pair, values);
        }
    }

    @Property(tries = 300)
    void anyFloatGivesTheLanesBits(@ForAll float x) {
        for (Pair pair : PAIRS) {
            assertSameBits(pair, new float[] {x});
        }
    }

    private static void assertSameBits(Pair pair, float[] values) {
        int width = SPECIES.length();
        float[] padded = new float[((values.length + width - 1) / width) * width];
        System.arraycopy(values, 0, padded, 0, values.length);
        float[] lanes = new float[padded.length];
        for (int i = 0; i < padded.length; i += width) {
            pair.vector().apply(FloatVector.fromArray(SPECIES, padded, i)).intoArray(lanes, i);
        }
        for (int i = 0; i < values.length; i++) {
            float lane = pair.lane().apply(values[i]);
            assertEquals(Float.floatToRawIntBits(lanes[i]), Float.floatToRawIntBits(lane),
                    pair.name() + "(" + values[i] + "): lanes " + lanes[i] + ", LaneMath " + lane);
        }
    }
}
