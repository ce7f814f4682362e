package dev.jnn.callbacks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * BackupAndRestore's one file: everything a resumed {@code fit} needs, written all at once or not at
 * all (a temporary file beside it, synced to disk, then renamed over it), so a process killed at any
 * moment leaves the previous complete backup or the new one.
 *
 * <p>Layout (big-endian): the magic {@code "JNNBACK2"}, the epoch to resume at (int), the batch index
 * (int), the shuffle seed (long), the model weights and the optimizer variables (each: a count, then
 * per array its length and floats), the states of the model's random streams (a count, then longs),
 * and a CRC32 of everything before it, which catches a damaged file.
 *
 * <p>Version 1 ({@code "JNNBACK1"}) lacked the random streams. Such a file is still read, with
 * {@code randomStates} null: it resumes as the version that wrote it did, exactly for a model without
 * Dropout or noise, so a long run is not lost to an upgrade.
 */
final class BackupFile {
    /**
     * What a backup holds: the next epoch to run, the batch reached in it, the shuffle seed, weights,
     * optimizer state and the random streams' states (null when read from a version-1 file).
     */
    record State(int epoch, int batch, long shuffleSeed, List<float[]> weights, List<float[]> optimizerWeights,
                 long[] randomStates) {
    }

    private static final byte[] MAGIC = "JNNBACK2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_V1 = "JNNBACK1".getBytes(StandardCharsets.US_ASCII);

    private BackupFile() {
    }

    static void write(Path file, State state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(state.epoch());
            out.writeInt(state.batch());
            out.writeLong(state.shuffleSeed());
            writeArrays(out, state.weights());
            writeArrays(out, state.optimizerWeights());
            out.writeInt(state.randomStates().length);
            for (long randomState : state.randomStates()) {
                out.writeLong(randomState);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), temporaryPrefix(target), ".tmp");
        boolean moved = false;
        try {
            try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
                bytes.writeTo(out);
                out.getChannel().force(true);   // on disk before the rename makes it the backup
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Reads a backup written by {@link #write}.
     *
     * @throws IOException if the file cannot be read, or is not a complete, undamaged backup
     */
    static State read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        byte[] magic = Arrays.copyOf(content, MAGIC.length);
        boolean version1 = Arrays.equals(magic, MAGIC_V1);
        if (content.length < MAGIC.length + Long.BYTES || !(version1 || Arrays.equals(magic, MAGIC))) {
            throw new IOException(file + ": not a jnn BackupAndRestore backup");
        }
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length - Long.BYTES);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            in.skipNBytes(content.length - Long.BYTES);
            if (in.readLong() != crc.getValue()) {
                throw new IOException(file + ": the backup is damaged (checksum mismatch)");
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content, 0,
                content.length - Long.BYTES))) {
            in.skipNBytes(MAGIC.length);
            int epoch = in.readInt();
            int batch = in.readInt();
            long shuffleSeed = in.readLong();
            List<float[]> weights = readArrays(in);
            List<float[]> optimizerWeights = readArrays(in);
            long[] randomStates = version1 ? null : new long[in.readInt()];
            for (int i = 0; randomStates != null && i < randomStates.length; i++) {
                randomStates[i] = in.readLong();
            }
            return new State(epoch, batch, shuffleSeed, weights, optimizerWeights, randomStates);
        }
    }

    /** The name prefix of this backup's temporary files, so stale ones left by a killed process can be found. */
    static String temporaryPrefix(Path file) {
        return "." + file.getFileName() + ".";
    }

    private static void writeArrays(DataOutputStream out, List<float[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (float[] array : arrays) {
            out.writeInt(array.length);
            for (float value : array) {
                out.writeFloat(value);
            }
        }
    }

    private static List<float[]> readArrays(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<float[]> arrays = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] array = new float[in.readInt()];
            for (int j = 0; j < array.length; j++) {
                array[j] = in.readFloat();
            }
            arrays.add(array);
        }
        return arrays;
    }
}
