package dev.jnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kind of a Keras file, told from its first bytes: files named {@code .keras} are sometimes
 * legacy HDF5 (Keras 2.11 wrote such files), so the extension is not trusted.
 */
public enum KerasFormat {
    /** Keras 3's zip: {@code metadata.json}, {@code config.json}, {@code model.weights.h5}. */
    KERAS_ZIP,
    /** HDF5: a legacy full model ({@code model.save("m.h5")}) or weights only. */
    HDF5,
    /** A model config as JSON ({@code model.to_json()}). */
    JSON;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /**
     * The format of {@code file}.
     *
     * @throws KerasFileException when the first bytes match none of the formats
     */
    public static KerasFormat detect(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        KerasFormat format = detect(head, n);
        if (format == null) {
            throw new KerasFileException(file, n == 0 ? "the file is empty"
                    : "not a Keras file: it starts with neither a zip (PK\\3\\4), an HDF5 (\\x89HDF) nor a JSON ({) signature");
        }
        return format;
    }

    /** The format of a file starting with {@code head[0..length)}, or null if none matches. */
    static KerasFormat detect(byte[] head, int length) {
        if (startsWith(head, length, ZIP)) {
            return KERAS_ZIP;
        }
        if (startsWith(head, length, HDF5_SIGNATURE)) {
            return HDF5;
        }
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3; // a UTF-8 byte-order mark
        }
        while (i < length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < length && head[i] == '{' ? JSON : null;
    }

    private static boolean startsWith(byte[] head, int length, byte[] signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
