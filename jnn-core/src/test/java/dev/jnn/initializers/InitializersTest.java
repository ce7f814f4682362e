package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.initializers.VarianceScaling.Distribution;
import dev.jnn.initializers.VarianceScaling.Mode;
import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitializersTest {
    @Test
    void snakeCaseNamesGiveTheKerasClasses() {
        assertInstanceOf(GlorotUniform.class, Initializers.get("glorot_uniform"));
        assertInstanceOf(GlorotNormal.class, Initializers.get("glorot_normal"));
        assertInstanceOf(HeNormal.class, Initializers.get("he_normal"));
        assertInstanceOf(HeUniform.class, Initializers.get("he_uniform"));
        assertInstanceOf(LecunNormal.class, Initializers.get("lecun_normal"));
        assertInstanceOf(LecunUniform.class, Initializers.get("lecun_uniform"));
        assertInstanceOf(RandomNormal.class, Initializers.get("random_normal"));
        assertInstanceOf(RandomUniform.class, Initializers.get("random_uniform"));
        assertInstanceOf(TruncatedNormal.class, Initializers.get("truncated_normal"));
        assertInstanceOf(Orthogonal.class, Initializers.get("orthogonal"));
        assertInstanceOf(VarianceScaling.class, Initializers.get("variance_scaling"));
        assertEquals(new Zeros(), Initializers.get("zeros"));
        assertEquals(new Ones(), Initializers.get("ones"));
        assertEquals(new Constant(0.0), Initializers.get("constant"));
        assertEquals(new Identity(1.0), Initializers.get("identity"));
    }

    @Test
    void aliasesAndClassNamesAsInKeras() {
        assertInstanceOf(RandomNormal.class, Initializers.get("normal"));
        assertInstanceOf(RandomUniform.class, Initializers.get("uniform"));
        assertEquals(new Zeros(), Initializers.get("zero"));
        assertEquals(new Ones(), Initializers.get("one"));
        assertInstanceOf(GlorotUniform.class, Initializers.get("GlorotUniform"));
        assertInstanceOf(Orthogonal.class, Initializers.get("OrthogonalInitializer"));
        assertEquals(new Identity(), Initializers.get("IdentityInitializer"));
    }

    @Test
    void everyNameRoundTripsThroughItsOwnNameAndClassName() {
        for (String name : Initializers.names()) {
            Initializer init = Initializers.get(name);
            assertEquals(init.getClass(), Initializers.get(init.name()).getClass(), name);
            assertEquals(init.getClass(), Initializers.get(init.className()).getClass(), name);
        }
    }

    @Test
    void registryDefaultsAreKerasDefaults() {
        var normal = (RandomNormal) Initializers.get("random_normal");
        assertEquals(0.05, normal.stddev());
        var uniform = (RandomUniform) Initializers.get("uniform");
        assertEquals(-0.05, uniform.minval());
        var vs = (VarianceScaling) Initializers.get("variance_scaling");
        assertEquals(1.0, vs.scale());
        assertEquals(Mode.FAN_IN, vs.mode());
        assertEquals(Distribution.TRUNCATED_NORMAL, vs.distribution());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("xavier"));
        assertTrue(e.getMessage().contains("xavier") && e.getMessage().contains("glorot_uniform")
                && e.getMessage().contains("zero"), e.getMessage());
        // Keras's lookup is case-sensitive.
        assertThrows(IllegalArgumentException.class, () -> Initializers.get("Glorot_Uniform"));
        assertThrows(IllegalArgumentException.class, () -> Initializers.get(null));
    }

    @Test
    void configRoundTripRebuildsAnEqualInitializerWithTheSameValues() {
        List<Initializer> all = List.of(
                new GlorotUniform(1L), new GlorotNormal(2L, List.of(0), List.of(1)), new HeNormal(3L), new HeUniform(4L),
                new LecunNormal(5L), new LecunUniform(6L), new RandomNormal(0.1, 0.2, 7L), new RandomUniform(-1, 2, 8L),
                new TruncatedNormal(0.3, 0.4, 9L), new Orthogonal(1.5, 10L),
                new VarianceScaling(0.7, Mode.FAN_AVG, Distribution.UNTRUNCATED_NORMAL, 11L),
                new Zeros(), new Ones(), new Constant(0.25), new Identity(3.0));
        Shape shape = Shape.of(6, 6);
        for (Initializer init : all) {
            Initializer rebuilt = Initializers.fromConfig(init.className(), init.config());
            assertEquals(init, rebuilt, init.className());
            assertEquals(init.config(), rebuilt.config(), init.className());
            assertArrayEquals(init.create(shape).data(), rebuilt.create(shape).data(), init.className());
        }
    }

    @Test
    void fromConfigTakesJsonLikeValuesAndFillsDefaults() {
        // As a JSON reader would give them: ints for seeds and axes, strings for enums.
        Map<String, Object> config = new HashMap<>();
        config.put("seed", 12);
        config.put("scale", 2);
        config.put("mode", "fan_out");
        config.put("distribution", "normal");
        config.put("input_axes", null);
        var vs = (VarianceScaling) Initializers.fromConfig("VarianceScaling", config);
        assertEquals(12L, vs.seed());
        assertEquals(2.0, vs.scale());
        assertEquals(Mode.FAN_OUT, vs.mode());
        assertEquals(Distribution.TRUNCATED_NORMAL, vs.distribution());
        var gu = (GlorotUniform) Initializers.fromConfig("glorot_uniform", Map.of("seed", 3, "input_axes", List.of(0),
                "output_axes", List.of(1)));
        assertEquals(List.of(0), gu.inputAxes());
        assertEquals(new RandomNormal(0.0, 0.05, 4L), Initializers.fromConfig("normal", Map.of("seed", 4L)));
    }

    @Test
    void fromConfigRejectsUnknownKeysAndBadValues() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.fromConfig("GlorotUniform", Map.of("scale", 2.0)));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.fromConfig("Constant", Map.of("value", "x")));
        assertTrue(e.getMessage().contains("value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Initializers.fromConfig("Orthogonal", Map.of("seed", 1.5)));
    }

    @Test
    void lookingUpNamesAndConfigsOfSeededInitializersDrawsNoGlobalSeed() {
        SeedGenerator.setGlobalSeed(99);
        long expected = SeedGenerator.nextSeed();
        SeedGenerator.setGlobalSeed(99);
        Initializers.fromConfig("HeNormal", Map.of("seed", 1));
        Initializers.get("zeros");
        assertEquals(expected, SeedGenerator.nextSeed());
        SeedGenerator.setGlobalSeed(System.nanoTime());
    }

    @Test
    void typedFactoriesBuildTheNamedClasses() {
        assertEquals(new GlorotUniform(1L), Initializers.glorotUniform(1L));
        assertEquals(new HeNormal(2L), Initializers.heNormal(2L));
        assertEquals(new LecunUniform(3L), Initializers.lecunUniform(3L));
        assertEquals(new Orthogonal(2.0, 4L), Initializers.orthogonal(2.0, 4L));
        assertEquals(new Constant(5.0), Initializers.constant(5.0));
        assertEquals(new Identity(2.0), Initializers.identity(2.0));
        assertInstanceOf(GlorotNormal.class, Initializers.glorotNormal());
        assertEquals(new VarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, 5L),
                Initializers.varianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, 5L));
    }

    @Test
    void presetsAndTheirGenericSpellingAreNotEqual() {
        // Equal configs only within one class: a HeUniform is not a VarianceScaling config.
        assertTrue(!new HeUniform(1L).equals(new VarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, 1L)));
        assertTrue(!new GlorotUniform(1L).equals(new GlorotUniform(2L)));
    }
}
