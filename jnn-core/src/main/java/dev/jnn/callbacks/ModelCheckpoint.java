package dev.jnn.callbacks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Saves the model, or its weights, during training (Keras's {@code ModelCheckpoint}).
 *
 * <p>The file name is a Python format template filled with {@code epoch} (1-based), every log key and,
 * when saving every few batches, {@code batch} (1-based): {@code "ckpt-{epoch:02d}-{val_loss:.2f}.keras"}
 * (see {@link FormatTemplate}). A full save needs a name ending in {@code .keras} (or the legacy
 * {@code .h5}); {@code saveWeightsOnly} needs {@code .weights.h5}. Missing folders are created and
 * files are written atomically ({@code Model.save} writes beside the target, then renames).
 *
 * <p>With {@code saveBestOnly}, a save happens only when the monitored value improves on the best so
 * far (initially {@code initialValueThreshold}, if given); the best is kept across {@code fit} calls,
 * as in Keras. A missing monitored value warns and saves anyway.
 *
 * <pre>{@code
 * var checkpoint = ModelCheckpoint.builder("best.keras").monitor("val_accuracy").saveBestOnly(true).build();
 * model.fit(x, y, FitOptions.builder().epochs(20).validationSplit(0.2).callbacks(checkpoint).build());
 * }</pre>
 */
public final class ModelCheckpoint implements Callback {
    /**
     * The options, with Keras's defaults in {@link ModelCheckpoint#builder(String)}.
     *
     * @param filepath              the file name template
     * @param monitor               the log key that decides "best"
     * @param verbose               0 silent, 1 prints each decision and save
     * @param saveBestOnly          save only on improvement of {@code monitor}
     * @param saveWeightsOnly       save the weights ({@code .weights.h5}) instead of the whole model
     * @param mode                  MIN, MAX, or AUTO (inferred from {@code monitor})
     * @param saveFreq              at each epoch end, or every so many batches
     * @param initialValueThreshold the value to beat before the first save with {@code saveBestOnly}, or null
     */
    public record Config(String filepath, String monitor, int verbose, boolean saveBestOnly, boolean saveWeightsOnly,
                         MonitorMode mode, SaveFrequency saveFreq, Double initialValueThreshold) {
        public Config {
            if (filepath == null || filepath.isEmpty()) {
                throw new IllegalArgumentException("filepath must be a non-empty file name, got "
                        + (filepath == null ? null : "\"\""));
            }
            // Keras 3 only writes its own formats, recognised by the name.
            if (saveWeightsOnly && !filepath.endsWith(".weights.h5")) {
                throw new IllegalArgumentException("When using `save_weights_only=True` in `ModelCheckpoint`, the "
                        + "filepath provided must end in `.weights.h5` (Keras weights format). Received: filepath="
                        + filepath);
            }
            if (!saveWeightsOnly && !filepath.endsWith(".keras") && !filepath.endsWith(".h5")) {
                throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model format). "
                        + "Received: filepath=" + filepath);
            }
            FormatTemplate.parse(filepath);
            if (monitor == null || monitor.isEmpty()) {
                throw new IllegalArgumentException("monitor must be a non-empty log key, got " + monitor);
            }
            if (verbose < 0) {
                throw new IllegalArgumentException("verbose must be >= 0, got " + verbose);
            }
            if (mode == null) {
                throw new IllegalArgumentException("mode must be AUTO, MIN or MAX, got null");
            }
            if (saveFreq == null) {
                throw new IllegalArgumentException("saveFreq must be SaveFrequency.EPOCH or a number of batches, got null");
            }
            if (initialValueThreshold != null && Double.isNaN(initialValueThreshold)) {
                throw new IllegalArgumentException("initialValueThreshold must be a number, got NaN");
            }
        }
    }

    private final Config config;
    private final FormatTemplate template;
    private final Monitor monitor;
    private final BatchCounter batches;
    private final PrintStream out;
    private final Warnings warnings;

    private TrainingControl model;
    private Double best;
    private int currentEpoch;

    /** Saves the whole model to {@code filepath} at every epoch end. */
    public ModelCheckpoint(String filepath) {
        this(builder(filepath).config());
    }

    /** The callback with {@code config}, printing to {@code System.out} and warning on {@code System.err}. */
    public ModelCheckpoint(Config config) {
        this(config, System.out, System.err);
    }

    /** The callback printing its decisions to {@code out} and warnings to {@code warnings}. */
    public ModelCheckpoint(Config config, PrintStream out, PrintStream warnings) {
        this.config = config;
        this.template = FormatTemplate.parse(config.filepath());
        this.monitor = new Monitor(config.monitor(), config.mode(), 0);
        this.batches = new BatchCounter(config.saveFreq().batches());
        this.out = out;
        this.warnings = new Warnings(warnings);
        this.best = config.initialValueThreshold();
    }

    /** A builder for {@code filepath} with Keras's defaults. */
    public static Builder builder(String filepath) {
        return new Builder(filepath);
    }

    /** The options this callback was built with. */
    public Config config() {
        return config;
    }

    /** The best monitored value saved so far (or the initial threshold), or {@code null}. */
    public Double best() {
        return best;
    }

    @Override
    public void setModel(TrainingControl model) {
        this.model = model;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        currentEpoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (!config.saveFreq().perEpoch() && batches.shouldSave(batch)) {
            save(currentEpoch, batch, logs);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        monitor.direction();   // resolved at the first epoch end, as Keras does (an unknown name fails here)
        if (config.saveFreq().perEpoch()) {
            save(epoch, null, logs);
        }
    }

    /** Keras's {@code _save_model}; {@code batch} is null for an epoch-end save. */
    private void save(int epoch, Integer batch, Map<String, Double> logs) {
        Map<String, Double> values = logs == null ? Map.of() : logs;
        String filepath = filePath(epoch, batch, values);
        if (!shouldSave(epoch, values, filepath)) {
            return;
        }
        Path path = Path.of(filepath);
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("Please specify a non-directory filepath for ModelCheckpoint. Filepath used is "
                        + "an existing directory: " + filepath);
            }
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (config.saveWeightsOnly()) {
                model.saveWeights(path);
            } else {
                model.save(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        print("\nEpoch " + (epoch + 1) + ": finished saving model to " + filepath);
    }

    /** Keras's {@code _should_save_model}: prints its decision when verbose. */
    private boolean shouldSave(int epoch, Map<String, Double> logs, String filepath) {
        if (!config.saveBestOnly()) {
            print("\nEpoch " + (epoch + 1) + ": saving model to " + filepath);
            return true;
        }
        Double current = logs.get(config.monitor());
        if (current == null) {
            warnings.warn("Can save best model only with " + config.monitor() + " available.");
            return true;
        }
        String bestText = best == null ? "None" : PythonFormat.fixed(best, 5);
        if (monitor.isImprovement(current, best)) {
            print("\nEpoch " + (epoch + 1) + ": " + config.monitor() + " improved from " + bestText + " to "
                    + PythonFormat.fixed(current, 5) + ", saving model to " + filepath);
            best = current;
            return true;
        }
        print("\nEpoch " + (epoch + 1) + ": " + config.monitor() + " did not improve from " + bestText);
        return false;
    }

    /** The template filled with the logs, the 1-based epoch and (batch saves) the 1-based batch. */
    private String filePath(int epoch, Integer batch, Map<String, Double> logs) {
        Map<String, Object> fields = new HashMap<>(logs);
        fields.put("epoch", epoch + 1);
        if (batch != null && !logs.containsKey("batch")) {
            fields.put("batch", batch + 1);
        }
        try {
            return template.format(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Failed to format this callback filepath: \"" + config.filepath()
                    + "\". Reason: " + e.getMessage(), e);
        }
    }

    private void print(String message) {
        if (config.verbose() > 0) {
            out.print(message + "\n");
            out.flush();
        }
    }

    /** Builds a {@link Config} from Keras's defaults. */
    public static final class Builder {
        private final String filepath;
        private String monitor = "val_loss";
        private int verbose = 0;
        private boolean saveBestOnly = false;
        private boolean saveWeightsOnly = false;
        private MonitorMode mode = MonitorMode.AUTO;
        private SaveFrequency saveFreq = SaveFrequency.EPOCH;
        private Double initialValueThreshold;
        private PrintStream out = System.out;
        private PrintStream warnings = System.err;

        private Builder(String filepath) {
            this.filepath = filepath;
        }

        /** The log key that decides "best" (default {@code "val_loss"}). */
        public Builder monitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /** 1 to print each decision and save (default 0). */
        public Builder verbose(int verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Save only when {@code monitor} improves (default false). */
        public Builder saveBestOnly(boolean saveBestOnly) {
            this.saveBestOnly = saveBestOnly;
            return this;
        }

        /** Save the weights only, to a {@code .weights.h5} name (default false). */
        public Builder saveWeightsOnly(boolean saveWeightsOnly) {
            this.saveWeightsOnly = saveWeightsOnly;
            return this;
        }

        /** MIN, MAX or AUTO (default AUTO). */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /** At each epoch end (default) or every so many batches. */
        public Builder saveFreq(SaveFrequency saveFreq) {
            this.saveFreq = saveFreq;
            return this;
        }

        /** Every {@code batches} training batches instead of at epoch ends. */
        public Builder saveFreq(int batches) {
            this.saveFreq = SaveFrequency.everyBatches(batches);
            return this;
        }

        /** The value to beat before the first save with {@code saveBestOnly} (default none). */
        public Builder initialValueThreshold(double threshold) {
            this.initialValueThreshold = threshold;
            return this;
        }

        /** Where the decisions are printed (default {@code System.out}). */
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
            return new Config(filepath, monitor, verbose, saveBestOnly, saveWeightsOnly, mode, saveFreq,
                    initialValueThreshold);
        }

        /** The callback, printing to the configured streams. */
        public ModelCheckpoint build() {
            return new ModelCheckpoint(config(), out, warnings);
        }
    }
}
