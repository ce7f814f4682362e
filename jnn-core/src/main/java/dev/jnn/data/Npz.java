package dev.jnn.data;

import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives ({@code np.savez} and {@code np.savez_compressed}): a zip of
 * {@code .npy} entries, stored or deflated.
 *
 * <p>Keys are the entry names without their {@code .npy} suffix, as {@code np.load} gives them,
 * in archive order. Each entry's header is checked against the entry's size (and, for deflated
 * entries, against the most that deflate can expand) before its data is allocated.
 *
 * <pre>{@code
 * Map<String, Tensor> arrays = Npz.read(Path.of("mnist.npz"));
 * Tensor xTrain = arrays.get("x_train");
 * }</pre>
 */
public final class Npz {
    /** Deflate cannot expand data by more than about 1032:1. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private Npz() {
    }

    /**
     * Reads every entry of {@code file} into a float32 tensor.
     *
     * @throws IOException when the archive is corrupt or an entry truncated
     * @throws IllegalArgumentException when an entry is not a valid {@code .npy}
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        var out = new LinkedHashMap<String, Tensor>();
        try (var zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String source = file + "[" + e.getName() + "]";
                String key = e.getName().endsWith(".npy")
                        ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                try (InputStream in = zip.getInputStream(e)) {
                    var h = NpyFormat.readHeader(in, source);
                    long available = available(e, h);
                    byte[] raw = Npy.data(h, in, available, source);
                    out.put(key, new Tensor(NpyFormat.shapeOf(h), NpyFormat.decodeFloats(h, raw)));
                } catch (ZipException ex) {
                    throw new IOException(source + ": corrupt zip entry: " + ex.getMessage(), ex);
                }
            }
        } catch (ZipException ex) {
            throw new IOException(file + ": not a valid .npz (zip) archive: " + ex.getMessage(), ex);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The most data bytes the entry can hold after its header. */
    private static long available(ZipEntry e, NpyFormat.Header h) {
        if (e.getSize() >= 0) {
            return e.getSize() - h.dataOffset();
        }
        if (e.getCompressedSize() >= 0) {
            return e.getCompressedSize() * MAX_DEFLATE_RATIO;
        }
        return Long.MAX_VALUE;
    }
}
