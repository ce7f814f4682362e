package dev.jnn.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jnn.tensor.SeedGenerator;
import dev.jnn.tensor.Shape;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeding rules shared by every random initializer. */
class DeterminismTest {
    private static final Shape SHAPE = Shape.of(7, 9);

    @AfterEach
    void unpinTheGlobalStream() {
        // Other tests on this thread must not inherit a fixed global seed.
        SeedGenerator.setGlobalSeed(System.nanoTime());
    }

    static Stream<Function<Long, Initializer>> randomInitializers() {
        return Stream.of(
                GlorotUniform::new, GlorotNormal::new, HeNormal::new, HeUniform::new, LecunNormal::new,
                LecunUniform::new, seed -> new RandomNormal(0, 0.05, seed), seed -> new RandomUniform(-0.05, 0.05, seed),
                seed -> new TruncatedNormal(0, 0.05, seed), seed -> new Orthogonal(1.0, seed),
                seed -> new VarianceScaling(1.0, VarianceScaling.Mode.FAN_OUT, VarianceScaling.Distribution.UNTRUNCATED_NORMAL, seed));
    }

    @ParameterizedTest
    @MethodSource("randomInitializers")
    void aSeedFixesTheValues(Function<Long, Initializer> make) {
        float[] first = make.apply(42L).create(SHAPE).data();
        Initializer again = make.apply(42L);
        assertArrayEquals(first, again.create(SHAPE).data());
        assertArrayEquals(first, again.create(SHAPE).data(), "a second call must repeat the values");
        assertFalse(Arrays.equals(first, make.apply(43L).create(SHAPE).data()), "different seeds must differ");
    }

    @ParameterizedTest
    @MethodSource("randomInitializers")
    void unseededFollowsTheGlobalSeed(Function<Long, Initializer> make) {
        SeedGenerator.setGlobalSeed(2024);
        Initializer a = make.apply(null);
        Initializer b = make.apply(null);
        float[] a1 = a.create(SHAPE).data();
        float[] b1 = b.create(SHAPE).data();

        SeedGenerator.setGlobalSeed(2024);
        assertArrayEquals(a1, make.apply(null).create(SHAPE).data(), "same global seed, same first initializer");
        assertArrayEquals(b1, make.apply(null).create(SHAPE).data(), "same global seed, same second initializer");

        assertFalse(Arrays.equals(a1, b1), "two unseeded initializers take different seeds from the stream");
        // As in Keras, the seed is drawn once at construction: calls on one instance repeat.
        assertArrayEquals(a1, a.create(SHAPE).data());
        assertNull(a.config().get("seed"));
    }

    @ParameterizedTest
    @MethodSource("randomInitializers")
    void anExplicitSeedIgnoresAndKeepsTheGlobalStream(Function<Long, Initializer> make) {
        SeedGenerator.setGlobalSeed(7);
        long expectedNext = SeedGenerator.nextSeed();
        SeedGenerator.setGlobalSeed(7);
        make.apply(5L).create(SHAPE);
        assertEquals(expectedNext, SeedGenerator.nextSeed(), "a seeded initializer must not draw from the global stream");
    }
}
