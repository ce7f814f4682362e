package dev.jnn.cli;

import dev.jnn.data.Csv;
import dev.jnn.data.CsvData;
import dev.jnn.data.CsvOptions;
import dev.jnn.data.Npy;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The array files of the command line, told apart by their extension.
 *
 * <ul>
 *   <li>{@code .npy}: read with any float, int, uint or bool dtype (converted to float32, as Keras
 *       does); written as float32 in the stored shape.</li>
 *   <li>{@code .csv} (or {@code .csv.gz} to read): plain numbers, one row per sample; a first line
 *       holding anything that is not a number is a header and skipped. Read as {@code [rows, columns]};
 *       written with each sample's values flattened into one row (an output of shape
 *       {@code (N, 4, 2)} gives N rows of 8 numbers, row-major).</li>
 * </ul>
 * Writes are atomic: the file appears complete or not at all.
 */
final class ArrayFiles {
    private ArrayFiles() {
    }

    /** Whether {@code file}'s name has an extension this class reads and writes. */
    static boolean supported(Path file) {
        return isNpy(file) || isCsv(file);
    }

    /** The array in {@code file}. */
    static Tensor read(Path file) throws IOException {
        if (isNpy(file)) {
            return Npy.read(file);
        }
        if (isCsv(file) || name(file).endsWith(".csv.gz")) {
            return readCsv(file);
        }
        throw new IllegalArgumentException(file + ": unknown array file type; use .npy or .csv");
    }

    /** Writes {@code array} to {@code file}: float32 {@code .npy}, or one CSV row per sample. */
    static void write(Path file, Tensor array) throws IOException {
        if (isNpy(file)) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new IOException(file + ": the folder " + dir + " does not exist");
            }
            Npy.write(file, array);
        } else if (isCsv(file)) {
            AtomicFile.write(file, csv(array).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException(file + ": unknown array file type; use .npy or .csv");
        }
    }

    private static Tensor readCsv(Path file) throws IOException {
        CsvData withHeader = Csv.read(file, CsvOptions.defaults());
        if (!numbers(withHeader)) {
            return withHeader.features();
        }
        // The first line was data, not names.
        return Csv.read(file, CsvOptions.defaults().header(false)).features();
    }

    private static boolean numbers(CsvData data) {
        if (data.columns().isEmpty()) {
            return false;
        }
        try {
            Csv.parse(String.join(",", data.columns()), CsvOptions.defaults().header(false));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One line per sample (the first axis), the rest of the axes flattened; a rank-1 array gives one number per line. */
    static String csv(Tensor array) {
        float[] d = array.data();
        int rows = array.shape().rank() == 0 ? 1 : array.shape().dim(0);
        int width = rows == 0 ? 0 : d.length / rows;
        StringBuilder sb = new StringBuilder(d.length * 12);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                // Float.toString is the shortest decimal that reads back as the same float.
                sb.append(Float.toString(d[r * width + c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean isNpy(Path file) {
        return name(file).endsWith(".npy");
    }

    private static boolean isCsv(Path file) {
        return name(file).endsWith(".csv");
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
