package dev.jnn.callbacks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Stops training when a monitored quantity has stopped improving (Keras's {@code EarlyStopping}).
 *
 * <p>At the end of each epoch from {@code startFromEpoch} on, with {@code current} the monitored
 * value: {@code wait += 1}; the value improves when {@code current + minDelta < best} (MIN) or
 * {@code current - minDelta > best} (MAX), {@code minDelta} taken as an absolute value and both
 * sides rounded to float32 as Keras compares them (see {@link Monitor}); on
 * improvement {@code best = current} and, if there is no baseline or {@code current} also improves
 * on it, {@code wait = 0}. Otherwise, once {@code wait >= patience} (and not at epoch 0), training
 * stops. With {@code restoreBestWeights}, the weights of the best epoch (or of the first monitored
 * epoch if none improved) are put back at the end of training.
 *
 * <pre>{@code
 * var stop = EarlyStopping.builder().monitor("val_loss").patience(3)
 *         .restoreBestWeights(true).build();
 * model.fit(x, y, 100, List.of(stop));
 * }</pre>
 */
public final class EarlyStopping implements Callback {
    /**
     * The options, with Keras's defaults in {@link EarlyStopping#builder()}.
     *
     * @param monitor            the log key to watch, e.g. {@code "val_loss"}
     * @param minDelta           smallest change that counts as an improvement (its absolute value is used)
     * @param patience           epochs without improvement before stopping
     * @param verbose            0 silent, 1 prints when stopping and when restoring weights
     * @param mode               MIN, MAX, or AUTO (inferred from {@code monitor})
     * @param baseline           a value to beat for {@code wait} to reset, or {@code null}
     * @param restoreBestWeights whether to restore the weights of the best epoch at the end
     * @param startFromEpoch     epochs of warm-up that are not monitored
     */
    public record Config(String monitor, double minDelta, int patience, int verbose, MonitorMode mode,
                         Double baseline, boolean restoreBestWeights, int startFromEpoch) {
        public Config {
            if (monitor == null || monitor.isEmpty()) {
                throw new IllegalArgumentException("monitor must be a non-empty log key, got " + monitor);
            }
            if (!Double.isFinite(minDelta)) {
                throw new IllegalArgumentException("minDelta must be finite, got " + minDelta);
            }
            if (patience < 0) {
                throw new IllegalArgumentException("patience must be >= 0, got " + patience);
            }
            if (verbose < 0) {
                throw new IllegalArgumentException("verbose must be >= 0, got " + verbose);
            }
            if (mode == null) {
                throw new IllegalArgumentException("mode must be AUTO, MIN or MAX, got null");
            }
            if (startFromEpoch < 0) {
                throw new IllegalArgumentException("startFromEpoch must be >= 0, got " + startFromEpoch);
            }
        }
    }

    private final Config config;
    private final PrintStream out;
    private final Warnings warnings;
    private final Monitor monitor;

    private TrainingControl model;
    private int wait;
    private int stoppedEpoch;
    private Double best;
    private List<float[]> bestWeights;
    private int bestEpoch;

    /** Keras's defaults: monitor {@code val_loss}, patience 0, no baseline. */
    public EarlyStopping() {
        this(builder().config());
    }

    /** Early stopping with {@code config}, printing to {@code System.out} and warning on {@code System.err}. */
    public EarlyStopping(Config config) {
        this(config, System.out, System.err);
    }

    /** Early stopping printing messages to {@code out} and warnings to {@code warnings}. */
    public EarlyStopping(Config config, PrintStream out, PrintStream warnings) {
        this.config = config;
        this.out = out;
        this.warnings = new Warnings(warnings);
        this.monitor = new Monitor(config.monitor(), config.mode(), config.minDelta());
    }

    /** A builder with Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options this callback was built with. */
    public Config config() {
        return config;
    }

    @Override
    public void setModel(TrainingControl model) {
        this.model = model;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        // Instances may be reused across fit calls.
        wait = 0;
        stoppedEpoch = 0;
        best = null;
        bestWeights = null;
        bestEpoch = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        monitor.direction();   // resolved at the first epoch end, as Keras does (an unknown name fails here)
        Double current = monitorValue(logs);
        if (current == null || epoch < config.startFromEpoch()) {
            return;
        }
        if (config.restoreBestWeights() && bestWeights == null) {
            // Until something improves, the first monitored weights are the best known.
            bestWeights = model.getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (monitor.isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (config.restoreBestWeights()) {
                bestWeights = model.getWeights();
            }
            // Only restart the wait if we beat both the baseline and the previous best.
            if (config.baseline() == null || monitor.isImprovement(current, config.baseline())) {
                wait = 0;
            }
            return;
        }
        if (wait >= config.patience() && epoch > 0) {
            stoppedEpoch = epoch;
            model.setStopTraining(true);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && config.verbose() > 0) {
            print("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        }
        if (config.restoreBestWeights() && bestWeights != null) {
            if (config.verbose() > 0) {
                print("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
            }
            model.setWeights(bestWeights);
        }
    }

    /** Epochs since the last improvement (counted from {@code startFromEpoch}). */
    public int waitCount() {
        return wait;
    }

    /** The 0-based epoch at which training was stopped, or 0 if it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The best monitored value so far, or {@code null} before the first monitored epoch. */
    public Double best() {
        return best;
    }

    /** The 0-based epoch of {@link #best()}. */
    public int bestEpoch() {
        return bestEpoch;
    }

    private Double monitorValue(Map<String, Double> logs) {
        Double value = logs == null ? null : logs.get(config.monitor());
        if (value == null) {
            warnings.warn("Early stopping conditioned on metric `" + config.monitor()
                    + "` which is not available. Available metrics are: "
                    + String.join(",", logs == null ? List.of() : logs.keySet()));
        }
        return value;
    }

    private void print(String message) {
        out.print(message + "\n");
        out.flush();
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder {
        private String monitor = "val_loss";
        private double minDelta = 0;
        private int patience = 0;
        private int verbose = 0;
        private MonitorMode mode = MonitorMode.AUTO;
        private Double baseline;
        private boolean restoreBestWeights = false;
        private int startFromEpoch = 0;
        private PrintStream out = System.out;
        private PrintStream warnings = System.err;

        private Builder() {
        }

        /** The log key to watch (default {@code "val_loss"}). */
        public Builder monitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /** Smallest change counted as an improvement (default 0). */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /** Epochs without improvement before stopping (default 0). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** 1 to print when stopping and restoring (default 0). */
        public Builder verbose(int verbose) {
            this.verbose = verbose;
            return this;
        }

        /** MIN, MAX or AUTO (default AUTO). */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /** A value the monitored quantity must beat for the wait to reset (default none). */
        public Builder baseline(double baseline) {
            this.baseline = baseline;
            return this;
        }

        /** Restore the best epoch's weights at the end of training (default false). */
        public Builder restoreBestWeights(boolean restoreBestWeights) {
            this.restoreBestWeights = restoreBestWeights;
            return this;
        }

        /** Epochs of warm-up that are not monitored (default 0). */
        public Builder startFromEpoch(int startFromEpoch) {
            this.startFromEpoch = startFromEpoch;
            return this;
        }

        /** Where the stopping and restoring messages go (default {@code System.out}). */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** Where the missing-monitor warning goes (default {@code System.err}). */
        public Builder warnings(PrintStream warnings) {
            this.warnings = warnings;
            return this;
        }

        /** The configuration alone, e.g. for saving. */
        public Config config() {
            return new Config(monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights,
                    startFromEpoch);
        }

        /** The callback, printing to the configured streams. */
        public EarlyStopping build() {
            return new EarlyStopping(config(), out, warnings);
        }
    }
}
