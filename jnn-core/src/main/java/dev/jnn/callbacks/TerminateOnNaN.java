package dev.jnn.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Stops training when the batch loss becomes NaN or infinite (Keras's {@code TerminateOnNaN}).
 *
 * <p>By default it prints {@code "Batch {batch}: Invalid loss, terminating training"} and asks the
 * model to stop, so every callback's {@code onTrainEnd} still runs; with {@code raiseError} it
 * throws an {@link IllegalStateException} at once instead.
 *
 * <pre>{@code
 * model.fit(x, y, 10, List.of(new TerminateOnNaN()));
 * }</pre>
 */
public final class TerminateOnNaN implements Callback {
    private final boolean raiseError;
    private final PrintStream out;
    private TrainingControl model;

    /** Stops gracefully, printing to {@code System.out}. */
    public TerminateOnNaN() {
        this(false);
    }

    /** Throws instead of stopping gracefully when {@code raiseError}. */
    public TerminateOnNaN(boolean raiseError) {
        this(raiseError, System.out);
    }

    /** As {@link #TerminateOnNaN(boolean)}, printing the message to {@code out}. */
    public TerminateOnNaN(boolean raiseError, PrintStream out) {
        this.raiseError = raiseError;
        this.out = out;
    }

    /** Whether a NaN or infinite loss throws instead of stopping gracefully. */
    public boolean raiseError() {
        return raiseError;
    }

    @Override
    public void setModel(TrainingControl model) {
        this.model = model;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs == null ? null : logs.get("loss");
        if (loss == null || Double.isFinite(loss)) {
            return;
        }
        if (raiseError) {
            throw new IllegalStateException("NaN or Inf loss encountered at batch " + batch + ". Loss value: "
                    + PythonFormat.repr(loss) + ". Terminating training immediately.");
        }
        out.print("Batch " + batch + ": Invalid loss, terminating training\n");
        out.flush();
        model.setStopTraining(true);
    }
}
