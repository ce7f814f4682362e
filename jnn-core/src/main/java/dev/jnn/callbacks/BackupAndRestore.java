package dev.jnn.callbacks;

import dev.jnn.tensor.RandomStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Lets an interrupted {@code fit} resume where it stopped (Keras's {@code BackupAndRestore}).
 *
 * <p>At each epoch end (or every so many batches) it writes one backup file, {@value #FILE_NAME} in
 * {@code backupDir}, atomically: the model's weights, the optimizer's variables, the epoch to resume
 * at, the seed of fit's shuffling and the state of every random stream of the model's layers (Dropout
 * masks, noise, recurrent dropout: {@link TrainingControl#randomStreams()}). When {@code fit} begins
 * and a backup exists, it restores all of them and {@code fit} continues from the first epoch not
 * completed, its shuffles advanced past the skipped epochs, so a run killed (even with {@code kill -9})
 * and started again ends with exactly the weights of a run never interrupted. ({@code fit} draws from
 * {@link dev.jnn.tensor.SeedGenerator}'s global stream only for the shuffle seed, before this callback
 * runs, so that stream needs no saving.) A backup written before the random streams were saved
 * (format version 1) is still restored, with a warning, leaving the streams as they are. When training
 * ends normally the backup is deleted, unless {@code deleteCheckpoint} is false.
 *
 * <p>Differences from Keras, each for safety: the backup is one file written atomically (Keras writes
 * {@code latest.weights.h5} then {@code training_metadata.json}, and a kill between them mixes two
 * epochs), so Keras's {@code double_checkpoint} is not needed; only that file, and the folder if it is
 * then empty, is deleted (Keras deletes the whole folder); a batch-level backup records the epoch in
 * progress also after a resume. As in Keras, a batch-level backup resumes at the start of that epoch
 * from the mid-epoch weights, so only epoch-level backups give bit-identical resumes.
 *
 * <pre>{@code
 * var backup = new BackupAndRestore(Path.of("/tmp/backup"));
 * model.fit(x, y, FitOptions.builder().epochs(100).callbacks(backup).build());   // rerun after a crash: resumes
 * }</pre>
 */
public final class BackupAndRestore implements Callback {
    /** The backup's file name inside {@code backupDir}. */
    public static final String FILE_NAME = "latest.backup";

    /**
     * The options, with Keras's defaults in {@link BackupAndRestore#builder(Path)}.
     *
     * @param backupDir        the folder of the backup, used by this callback alone
     * @param saveFreq         at each epoch end, or every so many batches
     * @param deleteCheckpoint whether to delete the backup when training ends normally
     */
    public record Config(Path backupDir, SaveFrequency saveFreq, boolean deleteCheckpoint) {
        public Config {
            if (backupDir == null || backupDir.toString().isEmpty()) {
                throw new IllegalArgumentException("Empty `backup_dir` argument passed: backupDir=" + backupDir);
            }
            if (saveFreq == null) {
                throw new IllegalArgumentException("saveFreq must be SaveFrequency.EPOCH or a number of batches, got null");
            }
        }
    }

    private final Config config;
    private final Path file;
    private final BatchCounter batches;
    private final Warnings warnings;
    private TrainingControl model;
    private int currentEpoch;
    private int lastBatch;

    /** Backs up to {@code backupDir} at each epoch end and deletes the backup when training ends. */
    public BackupAndRestore(Path backupDir) {
        this(new Config(backupDir, SaveFrequency.EPOCH, true));
    }

    /** The callback with {@code config}. */
    public BackupAndRestore(Config config) {
        this(config, System.err);
    }

    /** The callback with {@code config}, warning on {@code warnings}. */
    BackupAndRestore(Config config, PrintStream warnings) {
        this.config = config;
        this.warnings = new Warnings(warnings);
        this.file = config.backupDir().resolve(FILE_NAME);
        this.batches = new BatchCounter(config.saveFreq().batches());
    }

    /** A builder for {@code backupDir} with Keras's defaults. */
    public static Builder builder(Path backupDir) {
        return new Builder(backupDir);
    }

    /** The options this callback was built with. */
    public Config config() {
        return config;
    }

    /** The backup file, which exists between a save and the end of training. */
    public Path file() {
        return file;
    }

    @Override
    public void setModel(TrainingControl model) {
        this.model = model;
    }

    /** Restores the backup, if there is one, and tells fit where to resume. */
    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        deleteTemporaryFiles();
        currentEpoch = 0;
        lastBatch = 0;
        if (!Files.exists(file)) {
            return;
        }
        BackupFile.State state;
        try {
            state = BackupFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot restore " + file + ": " + e.getMessage(), e);
        }
        model.setWeights(state.weights());
        model.setOptimizerWeights(state.optimizerWeights());
        restoreRandomStreams(state.randomStates());
        model.resumeFrom(state.epoch(), state.shuffleSeed());
        currentEpoch = state.epoch();
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        // Keras counts from 0 in each new process, so its batch backups after a resume would name epoch 0.
        currentEpoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        lastBatch = batch;
        if (!config.saveFreq().perEpoch() && batches.shouldSave(batch)) {
            save();
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        currentEpoch = epoch + 1;
        lastBatch = 0;
        if (config.saveFreq().perEpoch()) {
            save();
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (!config.deleteCheckpoint()) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            deleteTemporaryFiles();
            Path dir = config.backupDir();
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    if (!entries.iterator().hasNext()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot delete " + file, e);
        }
    }

    private void save() {
        try {
            Files.createDirectories(config.backupDir());
            List<RandomStream> streams = model.randomStreams();
            long[] randomStates = new long[streams.size()];
            for (int i = 0; i < randomStates.length; i++) {
                randomStates[i] = streams.get(i).state();
            }
            BackupFile.write(file, new BackupFile.State(currentEpoch, lastBatch, model.shuffleSeed(),
                    model.getWeights(), model.getOptimizerWeights(), randomStates));
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot write " + file, e);
        }
    }

    /** Puts every random stream where it stood at the backup, so the masks drawn next are the interrupted run's. */
    private void restoreRandomStreams(long[] states) {
        List<RandomStream> streams = model.randomStreams();
        if (states == null) {
            if (!streams.isEmpty()) {
                warnings.warn("BackupAndRestore: " + file + " was written by an older jnn without the states of "
                        + "the model's " + streams.size() + " random stream(s) (Dropout, noise); training resumes, "
                        + "but not bit for bit as the interrupted run would have continued.");
            }
            return;
        }
        if (states.length != streams.size()) {
            throw new IllegalArgumentException("BackupAndRestore: the backup " + file + " holds " + states.length
                    + " random stream states, but the model has " + streams.size()
                    + " random streams (Dropout, noise, recurrent dropout); it was written for another model");
        }
        for (int i = 0; i < states.length; i++) {
            streams.get(i).restore(states[i]);
        }
    }

    /** Removes the temporary files a process killed while writing a backup leaves behind. */
    private void deleteTemporaryFiles() {
        if (!Files.isDirectory(config.backupDir())) {
            return;
        }
        String glob = BackupFile.temporaryPrefix(file) + "*.tmp";
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(config.backupDir(), glob)) {
            for (Path path : stale) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot clean " + config.backupDir(), e);
        }
    }

    /** Builds a {@link BackupAndRestore} from Keras's defaults. */
    public static final class Builder {
        private final Path backupDir;
        private SaveFrequency saveFreq = SaveFrequency.EPOCH;
        private boolean deleteCheckpoint = true;

        private Builder(Path backupDir) {
            this.backupDir = backupDir;
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

        /** Whether to delete the backup when training ends normally (default true). */
        public Builder deleteCheckpoint(boolean deleteCheckpoint) {
            this.deleteCheckpoint = deleteCheckpoint;
            return this;
        }

        /** The configuration alone. */
        public Config config() {
            return new Config(backupDir, saveFreq, deleteCheckpoint);
        }

        /** The callback. */
        public BackupAndRestore build() {
            return new BackupAndRestore(config());
        }
    }
}
