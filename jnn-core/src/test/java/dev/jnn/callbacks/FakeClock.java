package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.LongSupplier;

/** A clock that returns scripted times (nanosecond offsets from an arbitrary base), in order. */
final class FakeClock implements LongSupplier {
    // The reference script used time.time() = (BASE + offset) / 1e9 with this base.
    static final long BASE = 1_000_000_000_000L;
    static final long MS = 1_000_000L;

    private final long[] offsets;
    private int next;

    FakeClock(long... offsets) {
        this.offsets = offsets;
    }

    @Override
    public long getAsLong() {
        if (next >= offsets.length) {
            throw new AssertionError("clock read more than the " + offsets.length + " scripted times");
        }
        return BASE + offsets[next++];
    }

    /** Asserts the code read the clock exactly as often as Keras did. */
    void assertAllRead() {
        assertEquals(offsets.length, next, "clock reads");
    }
}
