package dev.jnn.tensor;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The source of randomness for initializers, dropout and shuffling.
 *
 * <p>Like {@code keras.utils.set_random_seed}, {@link #setGlobalSeed(long)} makes every later
 * unseeded draw reproducible bit for bit: unseeded components take their seeds, in creation order,
 * from one global stream. Components given an explicit seed ignore the global stream. The stream
 * belongs to the calling thread, so runs on several threads, each seeded, never interfere.
 *
 * <pre>{@code
 * SeedGenerator.setGlobalSeed(42);
 * RandomStream r = SeedGenerator.newRandom(null);   // seeded from the global stream
 * }</pre>
 */
public final class SeedGenerator {
    // Unseeded, a thread starts from entropy: only setGlobalSeed promises reproducible runs.
    private static final ThreadLocal<RandomStream> GLOBAL =
            ThreadLocal.withInitial(() -> new RandomStream(ThreadLocalRandom.current().nextLong()));

    private SeedGenerator() {
    }

    /** Reseeds the global stream; every unseeded draw after this call is reproducible. */
    public static void setGlobalSeed(long seed) {
        GLOBAL.set(new RandomStream(seed));
    }

    /** The next seed from the global stream. */
    public static long nextSeed() {
        return GLOBAL.get().nextLong();
    }

    /** A stream seeded with {@code seed}, or with the next global seed when {@code seed} is null. */
    public static RandomStream newRandom(Long seed) {
        return new RandomStream(seed != null ? seed : nextSeed());
    }

    /** A standard normal draw (Box-Muller on two uniforms; stable across JDK versions). */
    public static double nextGaussian(RandomStream random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
