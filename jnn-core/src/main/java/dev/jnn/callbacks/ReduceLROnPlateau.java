package dev.jnn.callbacks;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Lowers the learning rate when a monitored quantity has stopped improving (Keras's
 * {@code ReduceLROnPlateau}).
 *
 * <p>At each epoch end it first adds the current rate to the logs as {@code learning_rate} (so History
 * and CSVLogger after it record it). Then, if the monitored value is present: during a cooldown the
 * cooldown counter goes down by one and {@code wait} restarts; an improvement (by more than
 * {@code minDelta}, see {@link Monitor}) becomes the new best and restarts {@code wait}; otherwise,
 * outside a cooldown, {@code wait} grows and on reaching {@code patience} the rate becomes
 * {@code max(lr * factor, minLr)} (computed in double, stored as float32) unless it is already at
 * {@code minLr}, after which the cooldown starts and {@code wait} restarts.
 *
 * <pre>{@code
 * var plateau = ReduceLROnPlateau.builder().monitor("val_loss").factor(0.2).patience(5).minLr(1e-4).build();
 * model.fit(x, y, FitOptions.builder().epochs(100).validationSplit(0.2).callbacks(plateau).build());
 * }</pre>
 */
public final class ReduceLROnPlateau implements Callback {
    /**
     * The options, with Keras's defaults in {@link ReduceLROnPlateau#builder()}.
     *
     * @param monitor  the log key to watch
     * @param factor   the rate is multiplied by this, in [0, 1)
     * @param patience epochs without improvement before the rate is lowered
     * @param verbose  0 silent, 1 prints each change
     * @param mode     MIN, MAX, or AUTO (inferred from {@code monitor})
     * @param minDelta smallest change that counts as an improvement (its absolute value is used)
     * @param cooldown epochs to wait after a change before counting again
     * @param minLr    the rate is never lowered below this
     */
    public record Config(String monitor, double factor, int patience, int verbose, MonitorMode mode, double minDelta,
                         int cooldown, double minLr) {
        public Config {
            if (monitor == null || monitor.isEmpty()) {
                throw new IllegalArgumentException("monitor must be a non-empty log key, got " + monitor);
            }
            if (factor >= 1.0) {
                throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Received factor="
                        + factor);
            }
            if (!(factor >= 0)) {
                throw new IllegalArgumentException("factor must be in [0, 1), got " + factor);
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
            if (!Double.isFinite(minDelta)) {
                throw new IllegalArgumentException("minDelta must be finite, got " + minDelta);
            }
            if (cooldown < 0) {
                throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
            }
            if (!(minLr >= 0) || Double.isInfinite(minLr)) {
                throw new IllegalArgumentException("minLr must be a finite number >= 0, got " + minLr);
            }
        }
    }

    private final Config config;
    private final PrintStream out;
    private final Warnings warnings;
    private final Monitor monitor;

    private TrainingControl model;
    private Double best;
    private int wait;
    private int cooldownCounter;

    /** Keras's defaults: val_loss, factor 0.1, patience 10, minDelta 1e-4, no cooldown, minLr 0. */
    public ReduceLROnPlateau() {
        this(builder().config());
    }

    /** The callback with {@code config}, printing to {@code System.out} and warning on {@code System.err}. */
    public ReduceLROnPlateau(Config config) {
        this(config, System.out, System.err);
    }

    /** The callback printing changes to {@code out} and warnings to {@code warnings}. */
    public ReduceLROnPlateau(Config config, PrintStream out, PrintStream warnings) {
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
        best = null;
        cooldownCounter = 0;
        wait = 0;
    }

    /** Adds {@code learning_rate} to {@code logs} (which must be mutable, as fit passes them) and may lower the rate. */
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        monitor.direction();   // resolved at the first epoch end, as Keras does (an unknown name fails here)
        double learningRate = model.learningRate();
        Double current = null;
        if (logs != null) {
            logs.put("learning_rate", learningRate);
            current = logs.get(config.monitor());
        }
        if (current == null) {
            warnings.warn("Learning rate reduction is conditioned on metric `" + config.monitor()
                    + "` which is not available. Available metrics are: "
                    + String.join(",", logs == null ? List.of() : logs.keySet()) + ".");
            return;
        }
        if (inCooldown()) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.isImprovement(current, best)) {
            best = current;
            wait = 0;
        } else if (!inCooldown()) {
            wait++;
            if (wait >= config.patience() && reduce(epoch)) {
                cooldownCounter = config.cooldown();
                wait = 0;
            }
        }
    }

    /** Lowers the rate unless it is already at {@code minLr}; both compared as float32, as Keras does. */
    private boolean reduce(int epoch) {
        double oldRate = model.learningRate();
        if (!((float) oldRate > (float) config.minLr())) {
            return false;
        }
        double newRate = Math.max(oldRate * config.factor(), config.minLr());
        model.setLearningRate((float) newRate);
        if (config.verbose() > 0) {
            out.print("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
                    + PythonFormat.repr(newRate) + ".\n");
            out.flush();
        }
        return true;
    }

    /** Whether the cooldown after the last change is still running. */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    /** Epochs without improvement counted so far. */
    public int waitCount() {
        return wait;
    }

    /** Epochs of cooldown left. */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /** The best monitored value so far, or {@code null} before the first. */
    public Double best() {
        return best;
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder {
        private String monitor = "val_loss";
        private double factor = 0.1;
        private int patience = 10;
        private int verbose = 0;
        private MonitorMode mode = MonitorMode.AUTO;
        private double minDelta = 1e-4;
        private int cooldown = 0;
        private double minLr = 0.0;
        private PrintStream out = System.out;
        private PrintStream warnings = System.err;

        private Builder() {
        }

        /** The log key to watch (default {@code "val_loss"}). */
        public Builder monitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /** The factor the rate is multiplied by, in [0, 1) (default 0.1). */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** Epochs without improvement before lowering the rate (default 10). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** 1 to print each change (default 0). */
        public Builder verbose(int verbose) {
            this.verbose = verbose;
            return this;
        }

        /** MIN, MAX or AUTO (default AUTO). */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /** Smallest change counted as an improvement (default 1e-4). */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /** Epochs to wait after a change before counting again (default 0). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** The lowest rate (default 0). */
        public Builder minLr(double minLr) {
            this.minLr = minLr;
            return this;
        }

        /** Where the changes are printed (default {@code System.out}). */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** Where the missing-monitor warning goes (default {@code System.err}). */
        public Builder warnings(PrintStream warnings) {
            this.warnings = warnings;
            return this;
        }

        /** The configuration alone. */
        public Config config() {
            return new Config(monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr);
        }

        /** The callback, printing to the configured streams. */
        public ReduceLROnPlateau build() {
            return new ReduceLROnPlateau(config(), out, warnings);
        }
    }
}
