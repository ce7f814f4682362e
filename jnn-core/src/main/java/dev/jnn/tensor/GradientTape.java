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
    private static final ThreadLocal<GradientTape> ACTIVE = new ThreadLocal<>();

    private final List<BackwardStep> steps = new ArrayList<>();
    private final GradientTape previous;

    private GradientTape(GradientTape previous) {
        this.previous = previous;
    }

    /** Opens a tape on this thread; ops record onto it until {@link #close()}. */
    public static GradientTape open() {
        GradientTape tape = new GradientTape(ACTIVE.get());
        ACTIVE.set(tape);
        return tape;
    }

    /** The tape recording on this thread, or {@code null} when none is open. */
    public static GradientTape active() {
        return ACTIVE.get();
    }

    /**
     * True when an op with these inputs must record: a tape is open and an input needs a gradient.
     */
    public static boolean isRecording(Tensor... inputs) {
        if (ACTIVE.get() == null) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
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

    @Override
    public void close() {
        if (ACTIVE.get() == this) {
            if (previous == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(previous);
            }
        }
    }
}
