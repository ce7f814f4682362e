package dev.jnn.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * RandomStream must give exactly java.util.SplittableRandom's values, which every seeded result of jnn
 * (weights, masks, shuffles, goldens) was computed with, and must continue exactly from a saved state.
 */
class RandomStreamTest {
    /** One call: which method, and the bound for {@code nextInt(bound)}. */
    record Call(int method, int bound) {
    }

    private static final int METHODS = 6;

    /** The value of {@code call} on the JDK's generator, as raw bits so doubles compare exactly. */
    private static long jdk(SplittableRandom r, Call call) {
        return switch (call.method()) {
            case 0 -> r.nextLong();
            case 1 -> r.nextInt();
            case 2 -> r.nextInt(call.bound());
            case 3 -> Double.doubleToRawLongBits(r.nextDouble());
            case 4 -> Float.floatToRawIntBits(r.nextFloat());
            default -> r.nextBoolean() ? 1 : 0;
        };
    }

    private static long ours(RandomStream r, Call call) {
        return switch (call.method()) {
            case 0 -> r.nextLong();
            case 1 -> r.nextInt();
            case 2 -> r.nextInt(call.bound());
            case 3 -> Double.doubleToRawLongBits(r.nextDouble());
            case 4 -> Float.floatToRawIntBits(r.nextFloat());
            default -> r.nextBoolean() ? 1 : 0;
        };
    }

    /**
     * Bounds of every kind: small, powers of two, any positive int, and just above 2^30, where the
     * rejection loop rejects almost half of the draws.
     */
    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Integer> bound = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(0, 30).map(k -> 1 << k),
                Arbitraries.integers().between(1, Integer.MAX_VALUE),
                Arbitraries.integers().between((1 << 30) + 1, (1 << 30) + 1000));
        Arbitrary<Call> call = Combinators.combine(Arbitraries.integers().between(0, METHODS - 1), bound).as(Call::new);
        return call.list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 2000)
    void givesSplittableRandomsValuesForAnySeedAndAnySequenceOfCalls(@ForAll long seed,
                                                                    @ForAll("calls") List<Call> calls) {
        var jdk = new SplittableRandom(seed);
        var ours = new RandomStream(seed);
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            assertEquals(jdk(jdk, call), ours(ours, call), "call " + i + " " + call + " after seed " + seed);
        }
    }

    @Property(tries = 500)
    void aRestoredStateContinuesExactlyWhereItWasRead(@ForAll long seed, @ForAll long otherSeed,
                                                       @ForAll("calls") List<Call> before,
                                                       @ForAll @IntRange(min = 1, max = 200) int after) {
        var original = new RandomStream(seed);
        for (Call call : before) {
            ours(original, call);
        }
        long saved = original.state();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < after; i++) {
            expected.add(original.nextDouble());
        }
        var elsewhere = new RandomStream(otherSeed);   // another stream, as in a resumed process
        elsewhere.nextLong();
        elsewhere.restore(saved);
        List<Double> actual = new ArrayList<>();
        for (int i = 0; i < after; i++) {
            actual.add(elsewhere.nextDouble());
        }
        assertEquals(expected, actual);
    }

    @Test
    void aFreshStreamsStateIsItsSeed() {
        assertEquals(42L, new RandomStream(42).state());
        var r = new RandomStream(42);
        r.nextInt(7);
        var copy = new RandomStream(0);
        copy.restore(r.state());
        assertEquals(r.nextLong(), copy.nextLong());
    }

    @Test
    void aBoundBelowOneIsRefusedWithItsValue() {
        var error = assertThrows(IllegalArgumentException.class, () -> new RandomStream(1).nextInt(0));
        assertEquals("bound must be positive, got 0", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomStream(1).nextInt(-5));
    }
}
