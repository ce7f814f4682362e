package dev.jnn.tensor;

/**
 * A seeded random stream whose whole state is one {@code long} that can be read and set, so a
 * backup can save where a Dropout mask stream stands and a resumed run can continue it exactly.
 *
 * <p>It is the SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) with the fixed golden-ratio increment, and returns exactly the values of
 * {@code new java.util.SplittableRandom(seed)} for the methods below, which is what jnn used before:
 * every seeded result (initial weights, masks, shuffles) stays bit for bit what it was. The methods are
 * written out here rather than inherited from {@code RandomGenerator}'s defaults so that no JDK
 * change can alter a seeded result unnoticed ({@code RandomStreamTest} compares with the JDK).
 * Splitting is left out: jnn never splits, and without it the increment never changes.
 *
 * <pre>{@code
 * var random = new RandomStream(42);
 * double u = random.nextDouble();
 * long saved = random.state();      // ... later, or in another process:
 * random.restore(saved);            // the same values again
 * }</pre>
 */
public final class RandomStream {
    /** 2^64 / φ, odd: the increment of the counter. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** The stream {@code new java.util.SplittableRandom(seed)} would give. */
    public RandomStream(long seed) {
        this.state = seed;
    }

    /** The whole state: a stream {@link #restore restored} to it continues with the same values. */
    public long state() {
        return state;
    }

    /** Continues from a {@link #state()} read earlier, from this stream or another. */
    public void restore(long state) {
        this.state = state;
    }

    /** A uniformly distributed {@code long}. */
    public long nextLong() {
        return mix64(advance());
    }

    /** A uniformly distributed {@code int} (a separate 32-bit finalizer, as SplittableRandom does). */
    public int nextInt() {
        return mix32(advance());
    }

    /**
     * A uniform {@code int} in {@code [0, bound)}: a power-of-two bound keeps the low bits; any other
     * bound takes 31-bit draws modulo {@code bound}, rejecting those from the last, incomplete block of
     * {@code bound} values so every result is equally likely (java.util.Random's method).
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int mask = bound - 1;
        int r = nextInt();
        if ((bound & mask) == 0) {
            return r & mask;
        }
        int u = r >>> 1;
        // u - r is the start of u's block; the block is incomplete when its last value overflows.
        while (u + mask - (r = u % bound) < 0) {
            u = nextInt() >>> 1;
        }
        return r;
    }

    /** A uniform {@code double} in {@code [0, 1)}: the top 53 bits of {@link #nextLong()}, scaled. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform {@code float} in {@code [0, 1)}: the top 24 bits of {@link #nextInt()}, scaled. */
    public float nextFloat() {
        return (nextInt() >>> 8) * 0x1.0p-24f;
    }

    /** A fair coin: the sign bit of {@link #nextInt()}. */
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    private long advance() {
        return state += GOLDEN_GAMMA;
    }

    /** Stafford's variant 13 of MurmurHash3's 64-bit finalizer. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The high 32 bits of Stafford's variant 4. */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    @Override
    public String toString() {
        return "RandomStream[state=" + state + "]";
    }
}
