package dev.jnn.cli.spec;

import dev.jnn.callbacks.Callback;
import dev.jnn.callbacks.EarlyStopping;
import dev.jnn.callbacks.MonitorMode;
import dev.jnn.data.Dataset;
import dev.jnn.models.FitOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fit} of a spec, with Keras's argument names and defaults (epochs 1, batch_size 32,
 * shuffle true, verbose 1), an optional {@code early_stopping} with EarlyStopping's arguments and the
 * callbacks of {@link CallbackSpecs}.
 *
 * <pre>{@code
 * fit: {epochs: 50, batch_size: 16, early_stopping: {monitor: val_loss, patience: 5, restore_best_weights: true}}
 * }</pre>
 *
 * @param epochs          epochs to train
 * @param batchSize       samples per update
 * @param shuffle         shuffle the training samples each epoch
 * @param validationSplit Keras's {@code validation_split} (the last samples, unshuffled), or 0
 * @param verbose         0 silent, 1 progress bar, 2 one line per epoch
 * @param earlyStopping   EarlyStopping's options, or null
 * @param callbacks       the other callbacks the spec names
 */
public record FitSpec(int epochs, int batchSize, boolean shuffle, double validationSplit, int verbose,
                      EarlyStopping.Config earlyStopping, CallbackSpecs callbacks) {

    private static final List<String> MODES = List.of("auto", "min", "max");

    /** Keras's fit defaults. */
    public static FitSpec defaults() {
        return new FitSpec(1, 32, true, 0, 1, null, CallbackSpecs.none());
    }

    /** This fit with another number of epochs (successive halving trains in rungs). */
    public FitSpec withEpochs(int newEpochs) {
        return new FitSpec(newEpochs, batchSize, shuffle, validationSplit, verbose, earlyStopping, callbacks);
    }

    /**
     * The options of one fit from {@code initialEpoch} to {@link #epochs}, printing at {@code verbose},
     * validating on {@code validation} (or null); {@code extra} callbacks run after early stopping.
     */
    public FitOptions options(int verbose, List<Callback> extra, int initialEpoch, Dataset validation) {
        List<Callback> all = new ArrayList<>(callbacks.create());
        if (earlyStopping != null) {
            all.add(new EarlyStopping(earlyStopping));
        }
        all.addAll(extra);
        FitOptions.Builder b = FitOptions.builder().epochs(epochs).batchSize(batchSize).shuffle(shuffle)
                .validationSplit(validationSplit).verbose(verbose).callbacks(all).initialEpoch(initialEpoch);
        if (validation != null) {
            b.validationData(validation.x(), validation.y());
        }
        return b.build();
    }

    /** Reads {@code fit} (null gives the defaults). */
    static FitSpec read(SpecNode node) {
        if (node == null) {
            return defaults();
        }
        List<String> fields = new ArrayList<>(List.of("epochs", "batch_size", "shuffle", "validation_split", "verbose",
                "early_stopping"));
        fields.addAll(CallbackSpecs.FIELDS);
        node.onlyFields(fields.toArray(String[]::new));
        int epochs = node.has("epochs") ? node.field("epochs").intValue(1) : 1;
        int batch = node.has("batch_size") ? node.field("batch_size").intValue(1) : 32;
        boolean shuffle = !node.has("shuffle") || node.field("shuffle").bool();
        double split = node.has("validation_split") ? node.field("validation_split").fraction() : 0;
        int verbose = 1;
        if (node.has("verbose")) {
            verbose = node.field("verbose").intValue(0);
            if (verbose > 2) {
                throw node.field("verbose").error("must be 0, 1 or 2, got " + verbose);
            }
        }
        EarlyStopping.Config stop = node.has("early_stopping") ? earlyStopping(node.field("early_stopping")) : null;
        return new FitSpec(epochs, batch, shuffle, split, verbose, stop, CallbackSpecs.read(node));
    }

    private static EarlyStopping.Config earlyStopping(SpecNode node) {
        node.onlyFields("monitor", "min_delta", "patience", "verbose", "mode", "baseline", "restore_best_weights",
                "start_from_epoch");
        EarlyStopping.Builder b = EarlyStopping.builder();
        if (node.has("monitor")) {
            b.monitor(node.field("monitor").text());
        }
        if (node.has("min_delta")) {
            b.minDelta(node.field("min_delta").number());
        }
        if (node.has("patience")) {
            b.patience(node.field("patience").intValue(0));
        }
        if (node.has("verbose")) {
            b.verbose(node.field("verbose").intValue(0));
        }
        if (node.has("mode")) {
            b.mode(MonitorMode.valueOf(node.field("mode").oneOf(MODES).toUpperCase(java.util.Locale.ROOT)));
        }
        if (node.has("baseline")) {
            b.baseline(node.field("baseline").number());
        }
        if (node.has("restore_best_weights")) {
            b.restoreBestWeights(node.field("restore_best_weights").bool());
        }
        if (node.has("start_from_epoch")) {
            b.startFromEpoch(node.field("start_from_epoch").intValue(0));
        }
        try {
            return b.build().config();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
