package dev.jnn.data;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (detected by
 * the gzip magic bytes {@code 1f 8b}, not by the file name).
 *
 * <p>Format (big-endian): two zero bytes, a type byte ({@code 0x08} ubyte, {@code 0x09} byte,
 * {@code 0x0B} short, {@code 0x0C} int, {@code 0x0D} float, {@code 0x0E} double), the number of
 * dimensions, one int32 per dimension, then the elements in row-major order. MNIST images are
 * {@code [n, 28, 28]} ubyte (magic 2051), labels {@code [n]} ubyte (magic 2049).
 *
 * <pre>{@code
 * Tensor images = Idx.read(Path.of("train-images-idx3-ubyte.gz"));   // [60000, 28, 28], 0..255
 * int[] labels = Idx.readLabels(Path.of("train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class Idx {
    /** Deflate cannot expand data by more than about 1032:1. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private Idx() {
    }

    /**
     * Reads an IDX file into a float32 tensor of its dimensions, values unscaled.
     *
     * @throws IOException when the file cannot be read or is truncated
     * @throws IllegalArgumentException when the magic number or the dimensions are invalid
     */
    public static Tensor read(Path file) throws IOException {
        try (var in = open(file)) {
            var h = header(in, file);
            byte[] raw = body(in, h, file);
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
            int n = (int) h.elements;
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) element(h.type, b, i);
            }
            return new Tensor(Shape.of(h.dims), out);
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": corrupt or truncated gzip stream: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX file of integer elements (MNIST labels) as a flat {@code int[]}.
     *
     * @throws IllegalArgumentException when the element type is float or double
     */
    public static int[] readLabels(Path file) throws IOException {
        try (var in = open(file)) {
            var h = header(in, file);
            if (h.type == 0x0D || h.type == 0x0E) {
                throw new IllegalArgumentException(file + ": IDX labels must have an integer type, got "
                        + typeName(h.type));
            }
            byte[] raw = body(in, h, file);
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
            int[] out = new int[(int) h.elements];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) element(h.type, b, i);
            }
            return out;
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": corrupt or truncated gzip stream: " + e.getMessage(), e);
        }
    }

    private record Header(int type, int[] dims, long elements, long maxBytes) {
    }

    /** Opens the file, unwrapping gzip when the first two bytes are its magic. */
    private static InputStream open(Path file) throws IOException {
        var in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static Header header(InputStream in, Path file) throws IOException {
        long fileSize = Files.size(file);
        boolean gzip = isGzip(file);
        var data = new DataInputStream(in);
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new IOException(file + ": truncated IDX file (" + magic.length + " bytes, no complete magic)");
        }
        int type = magic[2] & 0xff;
        int rank = magic[3] & 0xff;
        if (magic[0] != 0 || magic[1] != 0 || typeSize(type) == 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: not an IDX file (magic %02x %02x %02x %02x; expected 00 00, a type byte 08/09/0b/0c/0d/0e,"
                            + " the rank)", file, magic[0], magic[1], magic[2], magic[3]));
        }
        if (rank == 0) {
            throw new IllegalArgumentException(file + ": IDX file with 0 dimensions");
        }
        int[] dims = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            int d;
            try {
                d = data.readInt();
            } catch (EOFException e) {
                throw new IOException(file + ": truncated IDX header (dimension " + i + " of " + rank + " missing)");
            }
            if (d < 0) {
                throw new IllegalArgumentException(file + ": IDX dimension " + i + " is negative: " + d);
            }
            dims[i] = d;
            elements *= d;
            if (elements > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + ": IDX dimensions " + java.util.Arrays.toString(dims)
                        + " hold more than 2^31-1 elements");
            }
        }
        long headerBytes = 4 + 4L * rank;
        long maxBytes = gzip ? fileSize * MAX_DEFLATE_RATIO : fileSize - headerBytes;
        return new Header(type, dims, elements, maxBytes);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static byte[] body(InputStream in, Header h, Path file) throws IOException {
        long need = h.elements * typeSize(h.type);
        if (need > h.maxBytes || need > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": truncated IDX data: dimensions " + java.util.Arrays.toString(h.dims)
                    + " of " + typeName(h.type) + " need " + need + " bytes, the file cannot hold them");
        }
        byte[] raw = in.readNBytes((int) need);
        if (raw.length < need) {
            throw new IOException(file + ": truncated IDX data (" + raw.length + " of " + need + " bytes)");
        }
        return raw;
    }

    private static double element(int type, ByteBuffer b, int i) {
        return switch (type) {
            case 0x08 -> b.get(i) & 0xff;
            case 0x09 -> b.get(i);
            case 0x0B -> b.getShort(i * 2);
            case 0x0C -> b.getInt(i * 4);
            case 0x0D -> b.getFloat(i * 4);
            default -> b.getDouble(i * 8);
        };
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "ubyte";
            case 0x09 -> "byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            default -> "double";
        };
    }
}
