package dev.jnn.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Marks a stretch of inference on this thread during which no weight changes — one {@code predict}
 * call — so that layers may reuse what they derive from their weights across its batches (Dense packs
 * its kernel for the matrix product once per pass instead of once per batch).
 *
 * <p>A pass has an id unique to it; a layer remembers the id its derived values belong to and derives
 * them again when {@link #current()} differs. Weights may change outside a pass in any way (optimizer
 * steps, {@code setWeights}, {@code loadWeights}, writes to a parameter's array), so nothing derived
 * in one pass is reused in another: a new pass always gets a new id. Code that runs user code inside a
 * pass (a callback) calls {@link #renew()} after it, since that code may change weights.
 *
 * <pre>{@code
 * long outer = InferencePass.begin();
 * try {
 *     for (...) { model.call(batch, false); }   // layers see the same InferencePass.current()
 * } finally {
 *     InferencePass.end(outer);
 * }
 * }</pre>
 */
public final class InferencePass {
    private static final AtomicLong IDS = new AtomicLong();
    private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[1]);

    private InferencePass() {
    }

    /** Starts a pass on this thread; returns the enclosing pass's id (0 for none), for {@link #end}. */
    public static long begin() {
        long[] slot = CURRENT.get();
        long outer = slot[0];
        slot[0] = IDS.incrementAndGet();
        return outer;
    }

    /**
     * Ends the pass; an enclosing pass continues under a new id, since the inner one may have run code
     * that changed weights.
     */
    public static void end(long outer) {
        CURRENT.get()[0] = outer == 0 ? 0 : IDS.incrementAndGet();
    }

    /** Gives the running pass a new id, after code that may have changed weights (a callback). */
    public static void renew() {
        long[] slot = CURRENT.get();
        if (slot[0] != 0) {
            slot[0] = IDS.incrementAndGet();
        }
    }

    /** The id of the pass running on this thread, or 0 outside any pass. */
    public static long current() {
        return CURRENT.get()[0];
    }
}
