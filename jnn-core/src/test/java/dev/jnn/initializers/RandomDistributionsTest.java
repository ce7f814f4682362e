package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomDistributionsTest {
    private static final Shape BIG = Shape.of(200, 300);

    @Test
    void randomNormalDefaultsAndMoments() {
        var init = new RandomNormal();
        assertEquals(0.0, init.mean());
        assertEquals(0.05, init.stddev());
        float[] w = new RandomNormal(1.5, 0.2, 1L).create(BIG).data();
        Stats s = Stats.of(w);
        assertEquals(1.5, s.mean, 5 * 0.2 / Math.sqrt(w.length));
        assertEquals(0.04, s.variance, 0.05 * 0.04);
        assertEquals(0.0455, Stats.fractionBeyond(w, 1.5, 0.4), 0.005);   // an untruncated tail
    }

    @Test
    void randomUniformDefaultsBoundsAndMoments() {
        var init = new RandomUniform();
        assertEquals(-0.05, init.minval());
        assertEquals(0.05, init.maxval());
        float[] w = new RandomUniform(-1.0, 3.0, 2L).create(BIG).data();
        Stats s = Stats.of(w);
        assertTrue(s.min >= -1.0f && s.max <= 3.0f);
        assertTrue(s.min < -0.99 && s.max > 2.99);
        assertEquals(1.0, s.mean, 5 * Math.sqrt(16.0 / 12 / w.length));
        assertEquals(16.0 / 12, s.variance, 0.05 * 16.0 / 12);
    }

    @Test
    void truncatedNormalIsCutAtTwoStddevAroundTheMean() {
        var init = new TruncatedNormal();
        assertEquals(0.0, init.mean());
        assertEquals(0.05, init.stddev());
        float[] w = new TruncatedNormal(-0.5, 0.1, 3L).create(BIG).data();
        Stats s = Stats.of(w);
        assertTrue(s.min >= (float) (-0.5 - 0.2) && s.max <= (float) (-0.5 + 0.2), s.min + " " + s.max);
        assertTrue(s.min < -0.69 && s.max > -0.31);
        assertEquals(-0.5, s.mean, 5 * 0.1 / Math.sqrt(w.length));
        // Var of N(0,1) cut at ±2 is 1 - 4·φ(2)/0.9545 = 0.77374; here times 0.1².
        double phi2 = Math.exp(-2.0) / Math.sqrt(2 * Math.PI);
        double expected = 0.01 * (1 - 4 * phi2 / 0.9544997361036416);
        assertEquals(expected, s.variance, 0.05 * expected);
    }

    @Test
    void defaultUniformStaysWithinFiveHundredths() {
        Stats s = Stats.of(new RandomUniform().create(Shape.of(1000)).data());
        assertTrue(s.min >= -0.05f && s.max <= 0.05f);
    }

    @Test
    void configsUseKerasKeys() {
        assertEquals(List.of("seed", "mean", "stddev"), List.copyOf(new RandomNormal(0, 1, 5L).config().keySet()));
        assertEquals(List.of("seed", "mean", "stddev"), List.copyOf(new TruncatedNormal().config().keySet()));
        assertEquals(List.of("seed", "minval", "maxval"), List.copyOf(new RandomUniform().config().keySet()));
        assertEquals(5L, new RandomNormal(0, 1, 5L).config().get("seed"));
        assertEquals("RandomNormal", new RandomNormal().className());
        assertEquals("TruncatedNormal", new TruncatedNormal().className());
    }

    @Test
    void invalidArgumentsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RandomNormal(0, -1, null));
        assertTrue(e.getMessage().contains("stddev") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandomUniform(1, 0, null));
        assertTrue(e.getMessage().contains("minval=1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TruncatedNormal(Double.NaN, 1, null));
        assertTrue(e.getMessage().contains("mean"), e.getMessage());
    }
}
