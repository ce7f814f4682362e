package dev.jnn.tensor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Marks one training or inference step whose buffers the next step may reuse.
 *
 * <p>Inside a scope, layers hand out the output tensors and backward records of their previous step
 * instead of allocating new ones, so a steady-state training step allocates nothing. Outside any
 * scope (a user calling a layer directly) every call allocates fresh tensors, so results are never
 * overwritten behind the caller's back. The trainer and {@code predict} open one scope per batch and
 * copy out what must survive it.
 */
public final class StepScope {
    private static final AtomicLong IDS = new AtomicLong();
    private static final ThreadLocal<StepScope[]> CURRENT = ThreadLocal.withInitial(() -> new StepScope[1]);

    private long id;
    private StepScope previous;
    private StepScope[] slot;

    /** Begins a new step on this thread; buffers handed out in earlier steps may now be reused. */
    public StepScope begin() {
        id = IDS.incrementAndGet();
        slot = CURRENT.get();
        previous = slot[0];
        slot[0] = this;
        return this;
    }

    /** Ends the step; the scope can be begun again for the next one. */
    public void end() {
        if (slot != null && slot[0] == this) {
            slot[0] = previous;
        }
        previous = null;
    }

    /** The scope of the step running on this thread, or null outside any step. */
    public static StepScope current() {
        return CURRENT.get()[0];
    }

    /** A number unique to this step (changes at every {@link #begin()}). */
    public long id() {
        return id;
    }
}
