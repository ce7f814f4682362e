package dev.jnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .keras} container: a zip holding {@code metadata.json}, {@code config.json} and
 * {@code model.weights.h5}. Members are read with their declared sizes checked against the archive,
 * so a damaged or hostile zip fails with a message instead of exhausting memory.
 */
final class KerasZip {
    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    // Keras refuses members that expand more than this (saving_lib's zip-bomb guard is of the same kind).
    private static final long MAX_RATIO = 1000;
    private static final long MAX_JSON = 256L << 20;

    /** The members of a read archive. */
    record Contents(String metadata, String config, byte[] weights, long archiveLength) {
    }

    private KerasZip() {
    }

    static Contents read(Path file) throws IOException {
        long length = Files.size(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
            String config = text(file, zip, CONFIG, length, true);
            String metadata = text(file, zip, METADATA, length, false);
            ZipEntry weightsEntry = zip.getEntry(WEIGHTS);
            if (weightsEntry == null) {
                if (zip.getEntry("model.weights.npz") != null) {
                    throw new KerasFileException(file, "the weights are stored as model.weights.npz, which jnn "
                            + "does not read; save the model with Keras's default weights_format=\"h5\"");
                }
                throw new KerasFileException(file, "no " + WEIGHTS + " in the archive (members: " + names + ")");
            }
            byte[] weights = bytes(file, zip, weightsEntry, length, Integer.MAX_VALUE - 8);
            return new Contents(metadata, config, weights, length);
        } catch (ZipException e) {
            throw new KerasFileException(file, "the zip archive is damaged (" + e.getMessage() + ")", e);
        } catch (KerasFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KerasFileException(file, "the zip archive cannot be read (" + e + ")", e);
        }
    }

    private static String text(Path file, ZipFile zip, String name, long length, boolean required) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            if (required) {
                throw new KerasFileException(file, "no " + name + " in the archive: not a Keras 3 .keras file");
            }
            return null;
        }
        return new String(bytes(file, zip, entry, length, MAX_JSON), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file, ZipFile zip, ZipEntry entry, long archiveLength, long cap) throws IOException {
        long limit = Math.min(cap, Math.max(archiveLength, 1) * MAX_RATIO);
        long declared = entry.getSize();
        if (declared > limit) {
            throw new KerasFileException(file, entry.getName() + " declares " + declared
                    + " bytes, too many for an archive of " + archiveLength + " bytes");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) Math.min(limit, declared >= 0 ? declared : limit));
            if (in.read() != -1) {
                throw new KerasFileException(file, entry.getName() + " holds more bytes than it declares");
            }
            if (declared >= 0 && data.length != declared) {
                throw new KerasFileException(file, entry.getName() + " is truncated: " + data.length + " of "
                        + declared + " bytes");
            }
            return data;
        }
    }

    /** Writes the archive; {@code weights} is the path of an already written {@code model.weights.h5}. */
    static void write(Path target, String config, Path weights, String kerasVersion) throws IOException {
        String metadata = "{\"keras_version\": \"" + kerasVersion + "\", \"date_saved\": \""
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")) + "\"}";
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, METADATA, metadata.getBytes(StandardCharsets.UTF_8));
            put(zip, CONFIG, config.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(WEIGHTS));
            Files.copy(weights, zip);
            zip.closeEntry();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
