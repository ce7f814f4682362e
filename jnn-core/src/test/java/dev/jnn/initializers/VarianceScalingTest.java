package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.initializers.VarianceScaling.Distribution;
import dev.jnn.initializers.VarianceScaling.Mode;
import dev.jnn.tensor.Shape;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VarianceScalingTest {
    private static final Shape DENSE = Shape.of(200, 300);        // fanIn 200, fanOut 300
    private static final Shape CONV = Shape.of(3, 3, 16, 32);     // fanIn 144, fanOut 288, 4608 values

    static Stream<Arguments> uniformPresets() {
        // limit written from the Keras docstrings, independently of VarianceScaling's sqrt(3·scale/n)
        return Stream.of(
                Arguments.of("glorot_uniform", (Function<Long, Initializer>) GlorotUniform::new, DENSE, Math.sqrt(6.0 / (200 + 300))),
                Arguments.of("he_uniform", (Function<Long, Initializer>) HeUniform::new, DENSE, Math.sqrt(6.0 / 200)),
                Arguments.of("lecun_uniform", (Function<Long, Initializer>) LecunUniform::new, DENSE, Math.sqrt(3.0 / 200)),
                Arguments.of("glorot_uniform", (Function<Long, Initializer>) GlorotUniform::new, CONV, Math.sqrt(6.0 / (144 + 288))),
                Arguments.of("he_uniform", (Function<Long, Initializer>) HeUniform::new, CONV, Math.sqrt(6.0 / 144)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("uniformPresets")
    void uniformPresetsStayWithinTheirLimitAndReachIt(String name, Function<Long, Initializer> make, Shape shape, double limit) {
        Initializer init = make.apply(11L);
        assertEquals(name, init.name());
        float[] w = init.create(shape).data();
        Stats s = Stats.of(w);
        assertTrue(s.min >= -(float) limit && s.max <= (float) limit, name + ": values outside ±" + limit);
        // With thousands of draws the extremes come within 1% of the limit: a too-small limit fails here.
        assertTrue(s.max > 0.99 * limit && s.min < -0.99 * limit, name + ": extremes " + s.min + ", " + s.max);
        double variance = limit * limit / 3.0;
        assertEquals(0.0, s.mean, 5 * Math.sqrt(variance / w.length), name + " mean");
        assertEquals(variance, s.variance, 0.05 * variance, name + " variance");
    }

    static Stream<Arguments> truncatedPresets() {
        // target standard deviation of the values, from the Keras docstrings
        return Stream.of(
                Arguments.of("glorot_normal", (Function<Long, Initializer>) GlorotNormal::new, DENSE, Math.sqrt(2.0 / (200 + 300))),
                Arguments.of("he_normal", (Function<Long, Initializer>) HeNormal::new, DENSE, Math.sqrt(2.0 / 200)),
                Arguments.of("lecun_normal", (Function<Long, Initializer>) LecunNormal::new, DENSE, Math.sqrt(1.0 / 200)),
                Arguments.of("he_normal", (Function<Long, Initializer>) HeNormal::new, CONV, Math.sqrt(2.0 / 144)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("truncatedPresets")
    void truncatedPresetsHaveTheTargetVarianceAndAreCutAtTwoSigma(String name, Function<Long, Initializer> make, Shape shape,
                                                                  double target) {
        Initializer init = make.apply(12L);
        assertEquals(name, init.name());
        float[] w = init.create(shape).data();
        // The normal before truncation has sigma = target / 0.8796..., the stddev of N(0,1) cut at ±2.
        double sigma = target / truncatedUnitStddev();
        Stats s = Stats.of(w);
        assertTrue(s.max <= (float) (2 * sigma) && s.min >= -(float) (2 * sigma), name + ": values beyond 2 sigma");
        assertTrue(s.max > 1.95 * sigma && s.min < -1.95 * sigma, name + ": not reaching the cut " + s.min + ", " + s.max);
        assertEquals(0.0, s.mean, 5 * target / Math.sqrt(w.length), name + " mean");
        assertEquals(target * target, s.variance, 0.05 * target * target, name + " variance");
    }

    /** sqrt(Var(Z | |Z| ≤ 2)) = sqrt(1 - 2·2·φ(2) / (Φ(2) - Φ(-2))), computed here, not taken from the code. */
    private static double truncatedUnitStddev() {
        double phi2 = Math.exp(-2.0) / Math.sqrt(2 * Math.PI);
        double mass = 0.9544997361036416;   // Φ(2) - Φ(-2) = erf(sqrt(2)), from tables / scipy.special.erf
        return Math.sqrt(1 - 4 * phi2 / mass);
    }

    @Test
    void theCodesTruncationConstantMatchesTheFormula() {
        assertEquals(truncatedUnitStddev(), VarianceScaling.TRUNCATED_STDDEV, 1e-12);
    }

    @Test
    void untruncatedNormalHasTheVarianceAndAGaussianTail() {
        var init = new VarianceScaling(3.0, Mode.FAN_OUT, Distribution.UNTRUNCATED_NORMAL, 5L);
        float[] w = init.create(DENSE).data();
        double variance = 3.0 / 300;
        Stats s = Stats.of(w);
        assertEquals(variance, s.variance, 0.05 * variance);
        // P(|Z| > 2) = 1 - 0.9545 = 0.0455 for an untruncated normal
        assertEquals(0.0455, Stats.fractionBeyond(w, 0, 2 * Math.sqrt(variance)), 0.005);
    }

    @Test
    void fanAvgUsesTheMeanOfBothFans() {
        var init = new VarianceScaling(0.5, Mode.FAN_AVG, Distribution.UNIFORM, 6L);
        float[] w = init.create(DENSE).data();
        double limit = Math.sqrt(3 * 0.5 / 250.0);
        Stats s = Stats.of(w);
        assertTrue(s.max <= (float) limit && s.max > 0.99 * limit);
    }

    @Test
    void xorKernelLimitsMatchKeras() {
        // Keras: glorot_uniform limit for a 2→8 kernel is 0.7746, for 8→1 it is 0.8165.
        float[] a = new GlorotUniform(1L).create(Shape.of(2, 8)).data();
        float[] b = new GlorotUniform(1L).create(Shape.of(8, 1)).data();
        for (float v : a) {
            assertTrue(Math.abs(v) <= 0.7746);
        }
        for (float v : b) {
            assertTrue(Math.abs(v) <= 0.8165);
        }
    }

    @Test
    void explicitAxesChangeTheFans() {
        // Fans from axes: fanIn = 4·5 = 20 instead of the default 3·... rule.
        var init = new VarianceScaling(1.0, Mode.FAN_IN, Distribution.UNIFORM, 3L, List.of(1, 2), List.of(0));
        float[] w = init.create(Shape.of(40, 4, 5)).data();
        double limit = Math.sqrt(3.0 / 20);
        Stats s = Stats.of(w);
        assertTrue(s.max <= (float) limit && s.max > 0.95 * limit, "max " + s.max + " limit " + limit);
    }

    @Test
    void presetsEqualTheirVarianceScalingSpelling() {
        float[] preset = new HeNormal(9L).create(CONV).data();
        float[] spelled = new VarianceScaling(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, 9L).create(CONV).data();
        org.junit.jupiter.api.Assertions.assertArrayEquals(spelled, preset);
    }

    @Test
    void configUsesKerasKeysInKerasOrder() {
        var init = new VarianceScaling(2.0, Mode.FAN_OUT, Distribution.UNIFORM, 4L);
        assertEquals(List.of("seed", "scale", "mode", "distribution", "input_axes", "output_axes"),
                List.copyOf(init.config().keySet()));
        assertEquals(4L, init.config().get("seed"));
        assertEquals(2.0, init.config().get("scale"));
        assertEquals("fan_out", init.config().get("mode"));
        assertEquals("uniform", init.config().get("distribution"));
        assertEquals(null, init.config().get("input_axes"));
        assertEquals(List.of("seed", "input_axes", "output_axes"), List.copyOf(new GlorotUniform().config().keySet()));
        assertEquals(null, new GlorotUniform().config().get("seed"));
        assertEquals("GlorotUniform", new GlorotUniform().className());
        assertEquals("VarianceScaling", init.className());
    }

    @Test
    void kerasSpellingsOfModeAndDistribution() {
        assertEquals(Mode.FAN_AVG, Mode.of("fan_avg"));
        assertEquals(Distribution.TRUNCATED_NORMAL, Distribution.of("normal"));
        assertEquals(Distribution.UNTRUNCATED_NORMAL, Distribution.of("Untruncated_Normal"));
        assertInstanceOf(VarianceScaling.class, new HeUniform());
    }

    @Test
    void invalidArgumentsAreNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new VarianceScaling(0.0, Mode.FAN_IN, Distribution.UNIFORM, null));
        assertTrue(e.getMessage().contains("scale") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mode.of("fan_sum"));
        assertTrue(e.getMessage().contains("fan_sum"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Distribution.of("cauchy"));
        assertTrue(e.getMessage().contains("cauchy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GlorotUniform(1L).initialize(Shape.of(2, 3), new float[5]));
        assertTrue(e.getMessage().contains("out") && e.getMessage().contains("5"), e.getMessage());
    }
}
