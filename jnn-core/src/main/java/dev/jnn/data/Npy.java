package dev.jnn.data;

import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes NumPy {@code .npy} files.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, little- and big-endian data, C and Fortran
 * order, and the dtypes {@code f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1}; values are converted to
 * float32 (or to {@code int} with {@link #readLabels}). Writing produces a version 1.0,
 * little-endian, C-order float32 file, as {@code np.save} does for a {@code float32} array. Sizes
 * in the header are checked against the file length before anything large is allocated.
 *
 * <pre>{@code
 * Npy.write(Path.of("x.npy"), x);
 * Tensor back = Npy.read(Path.of("x.npy"));    // same shape and values
 * int[] y = Npy.readLabels(Path.of("y.npy"));   // an int64 array of class indices
 * }</pre>
 */
public final class Npy {
    private Npy() {
    }

    /**
     * Reads a {@code .npy} file into a float32 tensor of the stored shape (row-major).
     *
     * @throws IOException when the file cannot be read or is truncated
     * @throws IllegalArgumentException when the header is malformed or the dtype unsupported
     */
    public static Tensor read(Path file) throws IOException {
        byte[] bytes = readBounded(file);
        return parse(bytes, file.toString());
    }

    /** Parses the bytes of a {@code .npy} file; {@code source} names it in error messages. */
    public static Tensor parse(byte[] bytes, String source) throws IOException {
        var in = new ByteArrayInputStream(bytes);
        var h = NpyFormat.readHeader(in, source);
        byte[] raw = data(h, in, bytes.length - h.dataOffset(), source);
        return new Tensor(NpyFormat.shapeOf(h), NpyFormat.decodeFloats(h, raw));
    }

    /**
     * Reads a {@code .npy} file of integer, boolean or whole-valued float elements as flat int
     * labels (row-major order).
     *
     * @throws IllegalArgumentException when an element is fractional or outside the int range
     */
    public static int[] readLabels(Path file) throws IOException {
        byte[] bytes = readBounded(file);
        String source = file.toString();
        var in = new ByteArrayInputStream(bytes);
        var h = NpyFormat.readHeader(in, source);
        byte[] raw = data(h, in, bytes.length - h.dataOffset(), source);
        return NpyFormat.decodeInts(h, raw, source);
    }

    /** Reads the data bytes that {@code h} announces, after checking that {@code available} holds them. */
    static byte[] data(NpyFormat.Header h, InputStream in, long available, String source) throws IOException {
        long need = h.dataBytes();
        if (need > available) {
            throw new IOException(source + ": truncated .npy data: shape " + Shape.of(h.shape()) + " of "
                    + h.kind().name().toLowerCase() + " needs " + need + " bytes, only " + available + " present");
        }
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + ": .npy data of " + need + " bytes is too large for one array");
        }
        byte[] raw = in.readNBytes((int) need);
        if (raw.length < need) {
            throw new IOException(source + ": truncated .npy data (" + raw.length + " of " + need + " bytes)");
        }
        return raw;
    }

    private static byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": " + size + " bytes is too large to read into one array");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Writes {@code tensor} as a little-endian float32 C-order {@code .npy} file. The bytes go to a
     * temporary file beside {@code file}, which is then renamed over it, so readers never see a
     * half-written file.
     */
    public static void write(Path file, Tensor tensor) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, toBytes(tensor));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of a float32 {@code .npy} file holding {@code tensor}. */
    public static byte[] toBytes(Tensor tensor) {
        byte[] header = NpyFormat.float32Header(tensor.shape().dims());
        float[] d = tensor.data();
        ByteBuffer b = ByteBuffer.allocate(header.length + 4 * d.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        b.asFloatBuffer().put(d);
        return b.array();
    }
}
