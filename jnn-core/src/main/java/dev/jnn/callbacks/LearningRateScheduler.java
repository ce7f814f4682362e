package dev.jnn.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Sets the learning rate at the start of each epoch from a schedule (Keras's
 * {@code LearningRateScheduler}), and adds the rate in use to the epoch's logs as
 * {@code learning_rate}.
 *
 * <p>The schedule receives the 0-based epoch and the current rate (the optimizer's float32 value, as
 * a double) and returns the new rate, which the optimizer stores as float32.
 *
 * <pre>{@code
 * var scheduler = new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1));
 * model.fit(x, y, FitOptions.builder().epochs(15).callbacks(scheduler).build());
 * }</pre>
 */
public final class LearningRateScheduler implements Callback {
    /** Keras's {@code schedule(epoch, lr)}: the learning rate for a 0-based epoch, given the current one. */
    @FunctionalInterface
    public interface Schedule {
        double learningRate(int epoch, double learningRate);
    }

    /**
     * The options.
     *
     * @param schedule the rate for each epoch
     * @param verbose  0 silent, 1 prints the rate set at each epoch
     */
    public record Config(Schedule schedule, int verbose) {
        public Config {
            if (schedule == null) {
                throw new IllegalArgumentException("schedule must not be null");
            }
            if (verbose < 0) {
                throw new IllegalArgumentException("verbose must be >= 0, got " + verbose);
            }
        }
    }

    private final Config config;
    private final PrintStream out;
    private TrainingControl model;

    /** A silent scheduler. */
    public LearningRateScheduler(Schedule schedule) {
        this(new Config(schedule, 0));
    }

    /** A scheduler printing to {@code System.out} when {@code verbose > 0}. */
    public LearningRateScheduler(Schedule schedule, int verbose) {
        this(new Config(schedule, verbose));
    }

    /** A scheduler printing to {@code System.out} when {@code verbose > 0}. */
    public LearningRateScheduler(Config config) {
        this(config, System.out);
    }

    /** A scheduler printing to {@code out} when {@code verbose > 0}. */
    public LearningRateScheduler(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
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
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        double learningRate = config.schedule().learningRate(epoch, model.learningRate());
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("LearningRateScheduler: the schedule returned " + learningRate
                    + " for epoch " + epoch + "; a learning rate must be a finite number >= 0");
        }
        model.setLearningRate((float) learningRate);
        if (config.verbose() > 0) {
            out.print("\nEpoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to "
                    + PythonFormat.repr(learningRate) + ".\n");
            out.flush();
        }
    }

    /** Adds {@code learning_rate} to {@code logs}, which must be mutable (as fit passes them). */
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (logs != null) {
            logs.put("learning_rate", (double) model.learningRate());
        }
    }
}
