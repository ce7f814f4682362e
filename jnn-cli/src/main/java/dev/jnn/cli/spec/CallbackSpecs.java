package dev.jnn.cli.spec;

import dev.jnn.callbacks.BackupAndRestore;
import dev.jnn.callbacks.Callback;
import dev.jnn.callbacks.ModelCheckpoint;
import dev.jnn.callbacks.MonitorMode;
import dev.jnn.callbacks.ReduceLROnPlateau;
import dev.jnn.callbacks.SaveFrequency;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The callbacks a spec's {@code fit} may name besides early stopping, with Keras's argument names:
 * {@code reduce_lr_on_plateau}, {@code model_checkpoint} and {@code backup_and_restore}. Each run gets
 * fresh callback objects. The two that write files take paths relative to the working directory, as in
 * Keras; runs in parallel would share those files, so {@link #requireNoFiles} refuses them there.
 *
 * <pre>{@code
 * fit: {epochs: 200, reduce_lr_on_plateau: {patience: 5, factor: 0.5},
 *       model_checkpoint: {filepath: best.keras, save_best_only: true}, backup_and_restore: {backup_dir: backup}}
 * }</pre>
 *
 * @param reduceLr   ReduceLROnPlateau's options, or null
 * @param checkpoint ModelCheckpoint's options, or null
 * @param backup     BackupAndRestore's options, or null
 */
public record CallbackSpecs(ReduceLROnPlateau.Config reduceLr, ModelCheckpoint.Config checkpoint,
                            BackupAndRestore.Config backup) {
    static final List<String> FIELDS = List.of("reduce_lr_on_plateau", "model_checkpoint", "backup_and_restore");
    private static final List<String> MODES = List.of("auto", "min", "max");

    /** No callbacks. */
    public static CallbackSpecs none() {
        return new CallbackSpecs(null, null, null);
    }

    /** New callback objects for one run. */
    public List<Callback> create() {
        List<Callback> callbacks = new ArrayList<>();
        if (backup != null) {
            callbacks.add(new BackupAndRestore(backup));   // first, as Keras advises: it restores before the others start
        }
        if (reduceLr != null) {
            callbacks.add(new ReduceLROnPlateau(reduceLr));
        }
        if (checkpoint != null) {
            callbacks.add(new ModelCheckpoint(checkpoint));
        }
        return callbacks;
    }

    /** Throws naming the field when a callback writes files, for commands that run several fits at once. */
    public void requireNoFiles(String command) {
        String field = checkpoint != null ? "model_checkpoint" : backup != null ? "backup_and_restore" : null;
        if (field != null) {
            throw new SpecException("fit." + field, "writes files that the parallel runs of jnn " + command
                    + " would share; use it with jnn train");
        }
    }

    static CallbackSpecs read(SpecNode fit) {
        return new CallbackSpecs(
                fit.has("reduce_lr_on_plateau") ? reduceLr(fit.field("reduce_lr_on_plateau")) : null,
                fit.has("model_checkpoint") ? checkpoint(fit.field("model_checkpoint")) : null,
                fit.has("backup_and_restore") ? backup(fit.field("backup_and_restore")) : null);
    }

    private static ReduceLROnPlateau.Config reduceLr(SpecNode node) {
        node.onlyFields("monitor", "factor", "patience", "verbose", "mode", "min_delta", "cooldown", "min_lr");
        ReduceLROnPlateau.Builder b = ReduceLROnPlateau.builder();
        if (node.has("monitor")) {
            b.monitor(node.field("monitor").text());
        }
        if (node.has("factor")) {
            b.factor(node.field("factor").number());
        }
        if (node.has("patience")) {
            b.patience(node.field("patience").intValue(0));
        }
        if (node.has("verbose")) {
            b.verbose(node.field("verbose").intValue(0));
        }
        if (node.has("mode")) {
            b.mode(mode(node.field("mode")));
        }
        if (node.has("min_delta")) {
            b.minDelta(node.field("min_delta").number());
        }
        if (node.has("cooldown")) {
            b.cooldown(node.field("cooldown").intValue(0));
        }
        if (node.has("min_lr")) {
            b.minLr(node.field("min_lr").number());
        }
        try {
            return b.config();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static ModelCheckpoint.Config checkpoint(SpecNode node) {
        node.onlyFields("filepath", "monitor", "verbose", "save_best_only", "save_weights_only", "mode", "save_freq",
                "initial_value_threshold");
        try {
            ModelCheckpoint.Builder b = ModelCheckpoint.builder(node.required("filepath", "the file to save to").text());
            if (node.has("monitor")) {
                b.monitor(node.field("monitor").text());
            }
            if (node.has("verbose")) {
                b.verbose(node.field("verbose").intValue(0));
            }
            if (node.has("save_best_only")) {
                b.saveBestOnly(node.field("save_best_only").bool());
            }
            if (node.has("save_weights_only")) {
                b.saveWeightsOnly(node.field("save_weights_only").bool());
            }
            if (node.has("mode")) {
                b.mode(mode(node.field("mode")));
            }
            if (node.has("save_freq")) {
                b.saveFreq(saveFrequency(node.field("save_freq")));
            }
            if (node.has("initial_value_threshold")) {
                b.initialValueThreshold(node.field("initial_value_threshold").number());
            }
            return b.config();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static BackupAndRestore.Config backup(SpecNode node) {
        node.onlyFields("backup_dir", "save_freq", "delete_checkpoint");
        try {
            BackupAndRestore.Builder b = BackupAndRestore.builder(
                    Path.of(node.required("backup_dir", "the folder of the backup").text()));
            if (node.has("save_freq")) {
                b.saveFreq(saveFrequency(node.field("save_freq")));
            }
            if (node.has("delete_checkpoint")) {
                b.deleteCheckpoint(node.field("delete_checkpoint").bool());
            }
            return b.config();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static MonitorMode mode(SpecNode node) {
        return MonitorMode.valueOf(node.oneOf(MODES).toUpperCase(Locale.ROOT));
    }

    private static SaveFrequency saveFrequency(SpecNode node) {
        return SaveFrequency.parse(node.json().isNumber() ? node.json().asText() : node.text());
    }
}
