package dev.jnn.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the differentiable ops of one training step and replays their backwards in reverse.
 *
 * <p>A tape is active on the thread that opened it until it is closed, like Keras's
 * {@code tf.GradientTape}; ops ask {@link #active()} whether to record. Inference never opens one,
 * so {@code predict} records nothing.
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.open()) {
 *     Tensor y = layer.forward(x, true);
 *     y.seedGradient(dLossDy);
 *     tape.backward();
 * }
 * }</pre>
 */
public final class GradientTape implements AutoCloseable {
    private static final ThreadLocal<GradientTape[]> ACTIVE = ThreadLocal.withInitial(() -> new GradientTape[1]);

    private final List<BackwardStep> steps = new ArrayList<>();
    private GradientTape previous;
    private GradientTape[] slot;

    /** A tape that is not recording yet; {@link #begin()} starts it. Reusable across steps. */
    public GradientTape() {
    }

    /** Opens a new tape on this thread; ops record onto it until {@link #close()}. */
    public static GradientTape open() {
        return new GradientTape().begin();
    }

    /** Forgets earlier records and starts recording on this thread (allocation-free after the first use). */
    public GradientTape begin() {
        steps.clear();
        slot = ACTIVE.get();
        previous = slot[0];
        slot[0] = this;
        return this;
    }

    /** The tape recording on this thread, or {@code null} when none is open. */
    public static GradientTape active() {
        return ACTIVE.get()[0];
    }

    /**
     * True when an op with these inputs must record: a tape is open and an input needs a gradient.
     */
    public static boolean isRecording(Tensor a) {
        return a != null && a.requiresGrad() && active() != null;
    }

    /** True when an op with these inputs must record. */
    public static boolean isRecording(Tensor a, Tensor b, Tensor c) {
        boolean any = (a != null && a.requiresGrad()) || (b != null && b.requiresGrad())
                || (c != null && c.requiresGrad());
        return any && active() != null;
    }

    /**
     * Records the backward of an op whose output is {@code output}; the output is marked as
     * needing a gradient and its gradient buffer is cleared.
     */
    public void record(Tensor output, BackwardStep step) {
        output.markRequiresGrad();
        output.zeroGrad();
        steps.add(step);
    }

    /** Runs the recorded backwards from last to first. */
    public void backward() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            steps.get(i).backward();
        }
    }

    /** Number of recorded ops. */
    public int size() {
        return steps.size();
    }

    /** Stops recording on this thread (the records stay until the next {@link #begin()}). */
    @Override
    public void close() {
        if (slot != null && slot[0] == this) {
            slot[0] = previous;
        }
        previous = null;
    }
}
