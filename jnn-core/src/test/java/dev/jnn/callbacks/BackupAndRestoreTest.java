package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.layers.Dense;
import dev.jnn.layers.Input;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.SeedGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BackupAndRestore in one JVM, a thrown exception standing in for the crash (BackupAndRestoreKillTest
 * kills a real process).
 */
class BackupAndRestoreTest {
    private static final float[][] X = new float[40][3];
    private static final float[][] Y = new float[40][1];

    static {
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < 3; j++) {
                X[i][j] = (float) Math.sin(i * 0.7 + j);
            }
            Y[i][0] = X[i][0] * X[i][1] - X[i][2];
        }
    }

    @TempDir
    Path tmp;

    /** A crash at the end of an epoch or batch, after the callbacks before it ran. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    private static Sequential model() {
        SeedGenerator.setGlobalSeed(9);
        var model = new Sequential();
        model.add(Input.shape(3));
        model.add(new Dense(6, "tanh"));
        model.add(new Dense(1));
        model.compile(dev.jnn.losses.Losses.get("mse"), Adam.builder().learningRate(0.01f).build());
        return model;
    }

    private static FitOptions.Builder fit(Callback... callbacks) {
        return FitOptions.builder().epochs(6).batchSize(8).verbose(0).callbacks(callbacks);
    }

    private static Callback crashAtEpochEnd(int epoch) {
        return LambdaCallback.builder().onEpochEnd((e, logs) -> {
            if (e == epoch) {
                throw new Crash();
            }
        }).build();
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "weight " + i);
        }
    }

    @Test
    void aRunResumedAfterACrashEndsWithTheWeightsOfAnUninterruptedOne() {
        var reference = model();
        reference.fit(X, Y, fit().build());

        Path dir = tmp.resolve("backup");
        var crashed = model();
        assertThrows(Crash.class, () -> crashed.fit(X, Y, fit(new BackupAndRestore(dir), crashAtEpochEnd(2)).build()));
        assertTrue(Files.exists(dir.resolve(BackupAndRestore.FILE_NAME)));

        var resumed = model();
        var epochs = new ArrayList<Integer>();
        var history = resumed.fit(X, Y, fit(new BackupAndRestore(dir),
                LambdaCallback.builder().onEpochBegin((e, logs) -> epochs.add(e)).build()).build());
        assertEquals(List.of(3, 4, 5), epochs, "epochs run after the resume");
        assertEquals(3, history.history().get("loss").size());
        assertSameWeights(reference.getWeights(), resumed.getWeights());
        assertEquals(reference.optimizer().iterations(), resumed.optimizer().iterations());
        assertFalse(Files.exists(dir), "deleted at the end of training");
    }

    @Test
    void theBackupHoldsTheNextEpochTheWeightsTheOptimizerAndTheShuffleSeed() throws IOException {
        Path dir = tmp.resolve("backup");
        var model = model();
        var atCrash = new ArrayList<List<float[]>>();
        var snapshot = LambdaCallback.builder().onEpochEnd((e, logs) -> {
            atCrash.add(model.getWeights());
            atCrash.add(model.getOptimizerWeights());
            throw new Crash();
        }).build();
        assertThrows(Crash.class, () -> model.fit(X, Y, fit(new BackupAndRestore(dir), snapshot).build()));
        BackupFile.State state = BackupFile.read(dir.resolve(BackupAndRestore.FILE_NAME));
        assertEquals(1, state.epoch());
        assertEquals(model.shuffleSeed(), state.shuffleSeed());
        assertSameWeights(atCrash.get(0), state.weights());
        assertSameWeights(atCrash.get(1), state.optimizerWeights());
        // iterations, learning rate, then Adam's two moments per weight.
        assertEquals(2 + 2 * model.getWeights().size(), state.optimizerWeights().size());
        assertEquals(5f, state.optimizerWeights().get(0)[0], "iterations after one epoch of 5 batches");
    }

    @Test
    void aBatchLevelBackupRecordsTheEpochInProgress() throws IOException {
        Path dir = tmp.resolve("backup");
        var model = model();
        var crash = LambdaCallback.builder().onTrainBatchEnd((batch, logs) -> {
            if (model.optimizer().iterations() == 8) {
                throw new Crash();
            }
        }).build();
        var backup = BackupAndRestore.builder(dir).saveFreq(3).build();
        assertThrows(Crash.class, () -> model.fit(X, Y, fit(backup, crash).build()));
        BackupFile.State state = BackupFile.read(dir.resolve(BackupAndRestore.FILE_NAME));
        // Saved after batches 3 and 6 (counted across epochs): the 6th is batch 0 of epoch 1.
        assertEquals(1, state.epoch());
        assertEquals(0, state.batch());
        assertEquals(6f, state.optimizerWeights().get(0)[0]);
    }

    @Test
    void withDeleteCheckpointFalseTheBackupStaysAndOnlyItsOwnFileIsEverDeleted() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("backup"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        model().fit(X, Y, fit(BackupAndRestore.builder(dir).deleteCheckpoint(false).build()).build());
        assertTrue(Files.exists(dir.resolve(BackupAndRestore.FILE_NAME)));
        assertEquals(6, BackupFile.read(dir.resolve(BackupAndRestore.FILE_NAME)).epoch());

        // A finished backup makes the next fit run no epoch at all, then it is deleted, the user's file kept.
        var epochs = new ArrayList<Integer>();
        model().fit(X, Y, fit(new BackupAndRestore(dir),
                LambdaCallback.builder().onEpochBegin((e, logs) -> epochs.add(e)).build()).build());
        assertEquals(List.of(), epochs);
        assertFalse(Files.exists(dir.resolve(BackupAndRestore.FILE_NAME)));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void aDamagedBackupIsReportedNotIgnored() throws IOException {
        Path dir = tmp.resolve("backup");
        var model = model();
        assertThrows(Crash.class, () -> model.fit(X, Y, fit(new BackupAndRestore(dir), crashAtEpochEnd(0)).build()));
        Path file = dir.resolve(BackupAndRestore.FILE_NAME);
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 1;
        Files.write(file, content);
        var error = assertThrows(UncheckedIOException.class, () -> model().fit(X, Y, fit(new BackupAndRestore(dir))
                .build()));
        assertEquals("BackupAndRestore: cannot restore " + file + ": " + file
                + ": the backup is damaged (checksum mismatch)", error.getMessage());

        Files.writeString(file, "not a backup");
        var foreign = assertThrows(UncheckedIOException.class, () -> model().fit(X, Y, fit(new BackupAndRestore(dir))
                .build()));
        assertTrue(foreign.getMessage().endsWith("not a jnn BackupAndRestore backup"), foreign.getMessage());
    }

    @Test
    void aBackupOfAnotherModelIsRefusedByName() {
        Path dir = tmp.resolve("backup");
        var model = model();
        assertThrows(Crash.class, () -> model.fit(X, Y, fit(new BackupAndRestore(dir), crashAtEpochEnd(0)).build()));
        SeedGenerator.setGlobalSeed(9);
        var other = new Sequential();
        other.add(Input.shape(3));
        other.add(new Dense(1));
        other.compile("mse", "adam");
        var error = assertThrows(IllegalArgumentException.class,
                () -> other.fit(X, Y, fit(new BackupAndRestore(dir)).build()));
        assertTrue(error.getMessage().startsWith("setWeights: model \"" + other.name() + "\" has 2 weights, got 4"),
                error.getMessage());
    }

    @Test
    void temporaryFilesOfAKilledWriteAreRemoved() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("backup"));
        Path stale = dir.resolve("." + BackupAndRestore.FILE_NAME + ".12345.tmp");
        Files.writeString(stale, "half a backup");
        model().fit(X, Y, fit(new BackupAndRestore(dir)).build());
        assertFalse(Files.exists(dir));
    }

    @Test
    void eachSaveReplacesTheFileWithoutLeavingTemporaries() throws IOException {
        Path dir = tmp.resolve("backup");
        var listings = new ArrayList<List<String>>();
        var lister = LambdaCallback.builder().onEpochEnd((e, logs) -> {
            try (Stream<Path> files = Files.list(dir)) {
                listings.add(files.map(p -> p.getFileName().toString()).toList());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }).build();
        model().fit(X, Y, fit(new BackupAndRestore(dir), lister).build());
        assertEquals(6, listings.size());
        for (List<String> listing : listings) {
            assertEquals(List.of(BackupAndRestore.FILE_NAME), listing);
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheirValue() {
        var empty = assertThrows(IllegalArgumentException.class, () -> new BackupAndRestore(Path.of("")));
        assertEquals("Empty `backup_dir` argument passed: backupDir=", empty.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> new BackupAndRestore((Path) null));
        assertEquals("Empty `backup_dir` argument passed: backupDir=null", none.getMessage());
        var freq = assertThrows(IllegalArgumentException.class, () -> BackupAndRestore.builder(tmp).saveFreq(-3));
        assertEquals("save_freq must be \"epoch\" or a number of batches >= 1, got -3", freq.getMessage());
        var parsed = assertThrows(IllegalArgumentException.class, () -> SaveFrequency.parse("weekly"));
        assertEquals("Unrecognized save_freq: weekly. Expected save_freq are 'epoch' or integer values",
                parsed.getMessage());
        assertEquals(SaveFrequency.EPOCH, BackupAndRestore.builder(tmp).config().saveFreq());
        assertTrue(BackupAndRestore.builder(tmp).config().deleteCheckpoint());
    }

    @Test
    void aModelThatCannotResumeSaysSo() {
        var callback = new BackupAndRestore(tmp.resolve("b"));
        callback.setModel(new FakeTrainingControl());
        callback.onTrainBegin(Map.of());
        var error = assertThrows(UnsupportedOperationException.class, () -> callback.onEpochEnd(0, Map.of()));
        assertEquals("FakeTrainingControl cannot resume training", error.getMessage());
    }
}
