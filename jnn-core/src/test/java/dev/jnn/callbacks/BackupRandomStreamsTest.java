package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.layers.Dense;
import dev.jnn.layers.Dropout;
import dev.jnn.layers.GaussianNoise;
import dev.jnn.layers.Input;
import dev.jnn.layers.LSTM;
import dev.jnn.layers.Reshape;
import dev.jnn.models.FitOptions;
import dev.jnn.models.Sequential;
import dev.jnn.optimizers.Adam;
import dev.jnn.tensor.RandomStream;
import dev.jnn.tensor.SeedGenerator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BackupAndRestore with a model that draws random numbers while training (Dropout, GaussianNoise,
 * recurrent dropout): the backup holds the streams' states, so a resumed run continues their draws.
 */
class BackupRandomStreamsTest {
    private static final float[][] X = new float[40][6];
    private static final float[][] Y = new float[40][1];

    static {
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < X[i].length; j++) {
                X[i][j] = (float) Math.sin(i * 0.7 + j);
            }
            Y[i][0] = X[i][0] * X[i][1] - X[i][2];
        }
    }

    @TempDir
    Path tmp;

    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    private static Sequential noisyModel() {
        SeedGenerator.setGlobalSeed(9);
        var model = new Sequential();
        model.add(Input.shape(6));
        model.add(new GaussianNoise(0.1f));
        model.add(new Dense(8, "tanh"));
        model.add(new Dropout(0.3f));
        model.add(new Reshape(4, 2));
        model.add(LSTM.builder(3).dropout(0.2f).recurrentDropout(0.2f).build());
        model.add(new Dropout(0.2f, 17L));
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

    private static long[] states(Sequential model) {
        return model.randomStreams().stream().mapToLong(RandomStream::state).toArray();
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "weight " + i);
        }
    }

    /** Crashes a noisy model's fit at the end of epoch {@code epoch}, leaving its backup in {@code dir}. */
    private static Sequential crashAfter(Path dir, int epoch) {
        var crashed = noisyModel();
        assertThrows(Crash.class, () -> crashed.fit(X, Y, fit(new BackupAndRestore(dir), crashAtEpochEnd(epoch)).build()));
        return crashed;
    }

    @Test
    void aModelWithDropoutAndNoiseResumesBitIdentical() {
        var reference = noisyModel();
        reference.fit(X, Y, fit().build());

        Path dir = tmp.resolve("backup");
        crashAfter(dir, 2);
        var resumed = noisyModel();
        resumed.fit(X, Y, fit(new BackupAndRestore(dir)).build());
        assertSameWeights(reference.getWeights(), resumed.getWeights());
        assertArrayEquals(states(reference), states(resumed));
    }

    @Test
    void theBackupHoldsEveryRandomStreamsState() throws IOException {
        Path dir = tmp.resolve("backup");
        Sequential crashed = crashAfter(dir, 1);
        BackupFile.State state = BackupFile.read(dir.resolve(BackupAndRestore.FILE_NAME));
        // GaussianNoise, Dropout, the LSTM, the seeded Dropout.
        assertEquals(4, state.randomStates().length);
        assertArrayEquals(states(crashed), state.randomStates());
        assertNotEquals(states(noisyModel())[0], state.randomStates()[0], "the noise stream had been drawn from");
    }

    @Test
    void fitDrawsFromTheGlobalStreamOnlyItsShuffleSeedSoThatStreamNeedsNoBackup() {
        // Were anything in fit drawing from it per epoch or step, the next seed would depend on the epochs run.
        long[] next = new long[2];
        int[] epochs = {1, 4};
        for (int i = 0; i < epochs.length; i++) {
            var model = noisyModel();
            model.fit(X, Y, FitOptions.builder().epochs(epochs[i]).batchSize(8).verbose(0)
                    .validationSplit(0.25).build());
            next[i] = SeedGenerator.nextSeed();
        }
        assertEquals(next[0], next[1]);
        noisyModel();
        SeedGenerator.nextSeed();   // the shuffle seed
        assertEquals(next[0], SeedGenerator.nextSeed());
    }

    @Test
    void aBackupOfAModelWithOtherRandomLayersIsRefused() {
        Path dir = tmp.resolve("backup");
        crashAfter(dir, 0);
        var other = new Sequential();
        // The same weights as the noisy model, without its GaussianNoise.
        other.add(Input.shape(6));
        other.add(new Dense(8, "tanh"));
        other.add(new Dropout(0.3f));
        other.add(new Reshape(4, 2));
        other.add(LSTM.builder(3).dropout(0.2f).recurrentDropout(0.2f).build());
        other.add(new Dropout(0.2f, 17L));
        other.add(new Dense(1));
        other.compile(dev.jnn.losses.Losses.get("mse"), Adam.builder().learningRate(0.01f).build());
        var error = assertThrows(IllegalArgumentException.class, () -> other.fit(X, Y, fit(new BackupAndRestore(dir)).build()));
        assertEquals("BackupAndRestore: the backup " + dir.resolve(BackupAndRestore.FILE_NAME) + " holds 4 random "
                + "stream states, but the model has 3 random streams (Dropout, noise, recurrent dropout); it was "
                + "written for another model", error.getMessage());
    }

    @Test
    void aVersion1BackupIsRestoredWithAWarningAndTheStreamsLeftAsTheyAre() throws IOException {
        Path dir = tmp.resolve("backup");
        crashAfter(dir, 1);
        Path file = dir.resolve(BackupAndRestore.FILE_NAME);
        BackupFile.State state = BackupFile.read(file);
        writeVersion1(file, state);
        BackupFile.State old = BackupFile.read(file);
        assertNull(old.randomStates());
        assertEquals(state.epoch(), old.epoch());

        var model = noisyModel();
        long[] fresh = states(model);
        var warnings = new Capture();
        var callback = new BackupAndRestore(new BackupAndRestore.Config(dir, SaveFrequency.EPOCH, true), warnings.stream);
        var streamsAtStart = new long[1][];
        var weightsAtStart = new ArrayList<List<float[]>>();
        var probe = LambdaCallback.builder().onTrainBegin(logs -> {   // runs after the restore
            streamsAtStart[0] = states(model);
            weightsAtStart.add(model.getWeights());
        }).build();
        model.fit(X, Y, fit(callback, probe).build());
        assertArrayEquals(fresh, streamsAtStart[0], "the streams are not touched");
        assertSameWeights(state.weights(), weightsAtStart.getFirst());
        String text = warnings.text();
        assertTrue(text.startsWith("UserWarning: BackupAndRestore: " + file + " was written by an older jnn without "
                + "the states of the model's 4 random stream(s)"), text);
    }

    /** The version-1 layout: no random streams, magic {@code JNNBACK1}. */
    private static void writeVersion1(Path file, BackupFile.State state) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.write("JNNBACK1".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(state.epoch());
            out.writeInt(state.batch());
            out.writeLong(state.shuffleSeed());
            for (List<float[]> arrays : List.of(state.weights(), state.optimizerWeights())) {
                out.writeInt(arrays.size());
                for (float[] array : arrays) {
                    out.writeInt(array.length);
                    for (float value : array) {
                        out.writeFloat(value);
                    }
                }
            }
            var crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        Files.write(file, bytes.toByteArray());
    }
}
