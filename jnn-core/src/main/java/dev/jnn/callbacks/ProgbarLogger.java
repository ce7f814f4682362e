package dev.jnn.callbacks;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Prints the progress of {@code fit}, {@code evaluate} and {@code predict} with a {@link Progbar}
 * (Keras's {@code ProgbarLogger}, which {@code fit} adds when {@code verbose != 0}).
 *
 * <ul>
 *   <li>{@code "Epoch i/N"} before each epoch, only when {@code N > 1};</li>
 *   <li>verbose 1: one bar per epoch, redrawn after each batch with the running logs, then drawn a
 *       last time with the epoch logs (including the {@code val_} ones);</li>
 *   <li>verbose 2: one line per epoch with the epoch logs;</li>
 *   <li>validation inside {@code fit} is silent; {@code evaluate} and {@code predict} on their own
 *       draw their own bar ({@code predict} shows no values).</li>
 * </ul>
 * Values are shown as given (the logs already hold running means), not averaged again.
 *
 * <pre>{@code
 * var logger = new ProgbarLogger();
 * logger.setParams(Map.of("verbose", 1, "epochs", 3, "steps", 10));
 * // fit then calls onTrainBegin, onEpochBegin, onTrainBatchEnd..., onEpochEnd
 * }</pre>
 */
public final class ProgbarLogger implements Callback {
    private final PrintStream out;
    private final LongSupplier clock;
    private final Progbar.Display display;

    private int seen;
    private Progbar progbar;
    private Integer target;
    private int verbose = 1;
    private int epochs = 1;
    private boolean calledInFit;

    /** A logger writing to {@code System.out}, dynamic only on a terminal. */
    public ProgbarLogger() {
        this(System.out, System::nanoTime, Progbar.Display.AUTO);
    }

    /** A logger writing to {@code out}, timed by {@code clock} (nanoseconds), drawn as {@code display}. */
    public ProgbarLogger(PrintStream out, LongSupplier clock, Progbar.Display display) {
        this.out = out;
        this.clock = clock;
        this.display = display;
    }

    /**
     * Reads {@code verbose} (an integer, or {@code "auto"} meaning 1), {@code epochs} and
     * {@code steps} (null when unknown).
     */
    @Override
    public void setParams(Map<String, Object> params) {
        Object verboseParam = params.get("verbose");
        if ("auto".equals(verboseParam)) {
            verbose = 1;
        } else if (verboseParam instanceof Number number) {
            verbose = number.intValue();
        } else {
            throw new IllegalArgumentException("params.verbose must be an integer or \"auto\", got " + verboseParam);
        }
        if (!(params.get("epochs") instanceof Number epochsParam)) {
            throw new IllegalArgumentException("params.epochs must be an integer, got " + params.get("epochs"));
        }
        epochs = epochsParam.intValue();
        Object steps = params.get("steps");
        if (steps != null && !(steps instanceof Number)) {
            throw new IllegalArgumentException("params.steps must be an integer or null, got " + steps);
        }
        target = steps == null ? null : ((Number) steps).intValue();
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        // Validation runs inside fit call the test hooks; they must not draw a bar of their own.
        calledInFit = true;
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        if (!calledInFit) {
            resetProgbar();
            maybeInitProgbar();
        }
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        resetProgbar();
        maybeInitProgbar();
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        resetProgbar();
        maybeInitProgbar();
        if (verbose != 0 && epochs > 1) {
            out.print("Epoch " + (epoch + 1) + "/" + epochs + "\n");
            out.flush();
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        updateProgbar(batch, logs);
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        if (!calledInFit) {
            updateProgbar(batch, logs);
        }
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        // Predictions are not metrics: show progress only.
        updateProgbar(batch, null);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        finalizeProgbar(logs);
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        if (!calledInFit) {
            finalizeProgbar(logs);
        }
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        finalizeProgbar(logs);
    }

    private void resetProgbar() {
        seen = 0;
        progbar = null;
    }

    private void maybeInitProgbar() {
        if (progbar == null) {
            var builder = target == null ? Progbar.builderWithUnknownTarget() : Progbar.builder(target);
            progbar = builder.verbose(verbose).unitName("step").statelessMetrics(Set.of())
                    .out(out).clock(clock).display(display).build();
        }
    }

    private void updateProgbar(int batch, Map<String, Double> logs) {
        maybeInitProgbar();
        seen = batch + 1;
        if (verbose == 1) {
            progbar.update(seen, logs == null ? Map.of() : logs, false);
        }
    }

    private void finalizeProgbar(Map<String, Double> logs) {
        maybeInitProgbar();
        if (target == null) {
            // The first epoch of unknown length tells how many steps the next ones have.
            target = seen;
            progbar.setTarget(seen);
        }
        progbar.update(target, logs == null ? Map.of() : logs, true);
    }
}
