package dev.jnn.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * An HDF5 file opened for reading through jHDF, seen as Keras uses it: groups by path, string
 * attributes, and numeric datasets read as float32.
 *
 * <p>Every access is guarded: whatever jHDF throws on a damaged file becomes a
 * {@link KerasFileException} naming the file and the path, and a dataset is only read after its
 * declared size has been checked against the bytes the file holds, so that a corrupt header cannot
 * make the reader allocate gigabytes.
 */
final class H5File implements AutoCloseable {
    // Keras's own guard against "shape bombs": compressed data may expand, but not beyond this factor.
    private static final long MAX_EXPANSION = 1000;

    private final Path file;        // for messages; null when read from memory
    private final String source;    // how to name the file in messages
    private final long length;
    private final HdfFile hdf;

    private H5File(Path file, String source, long length, HdfFile hdf) {
        this.file = file;
        this.source = source;
        this.length = length;
        this.hdf = hdf;
    }

    static H5File open(Path file) throws IOException {
        long length = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        return open(file, file.toString(), bytes, length);
    }

    /** An HDF5 image held in memory, e.g. {@code model.weights.h5} out of a {@code .keras} zip. */
    static H5File open(Path file, String source, byte[] bytes, long length) throws KerasFileException {
        HdfFile hdf = guard(file, source, "the HDF5 structure is damaged", () -> HdfFile.fromBytes(bytes));
        return new H5File(file, source, length, hdf);
    }

    Path file() {
        return file;
    }

    String source() {
        return source;
    }

    KerasFileException error(String problem) {
        return new KerasFileException(file, prefix() + problem);
    }

    private String prefix() {
        return file != null && source.equals(file.toString()) ? "" : "in " + source + ": ";
    }

    /** Whether a group or dataset exists at {@code path} ("" is the root). */
    boolean exists(String path) throws KerasFileException {
        return guard("cannot look up '" + path + "'", () -> node(path) != null);
    }

    boolean isGroup(String path) throws KerasFileException {
        return guard("cannot look up '" + path + "'", () -> {
            Node n = node(path);
            return n != null && n.isGroup();
        });
    }

    /** The names of a group's members, in the file's (alphabetical) order. */
    List<String> children(String path) throws KerasFileException {
        return guard("cannot list '" + path + "'", () -> {
            Node n = node(path);
            if (n == null || !n.isGroup()) {
                throw error("expected a group at '" + path + "'");
            }
            return new ArrayList<>(((Group) n).getChildren().keySet());
        });
    }

    /** A string attribute of the node at {@code path}, or null when absent. */
    String stringAttribute(String path, String name) throws KerasFileException {
        List<String> values = strings(path, name);
        if (values == null) {
            return null;
        }
        if (values.size() != 1) {
            throw error("attribute '" + name + "' of '" + display(path) + "' should be one string, found " + values.size());
        }
        return values.get(0);
    }

    /**
     * A list-of-strings attribute (Keras's {@code weight_names}, {@code layer_names}); Keras splits
     * long ones into {@code name0, name1, ...}, which are joined here. Empty when absent.
     */
    List<String> stringListAttribute(String path, String name) throws KerasFileException {
        List<String> values = strings(path, name);
        if (values != null) {
            return values;
        }
        List<String> joined = new ArrayList<>();
        for (int chunk = 0; ; chunk++) {
            List<String> part = strings(path, name + chunk);
            if (part == null) {
                return joined;
            }
            joined.addAll(part);
        }
    }

    private List<String> strings(String path, String name) throws KerasFileException {
        return guard("cannot read attribute '" + name + "' of '" + display(path) + "'", () -> {
            Node n = node(path);
            if (n == null) {
                throw error("no group or dataset '" + display(path) + "'");
            }
            Attribute a = n.getAttributes().get(name);
            if (a == null) {
                return null;
            }
            if (a.isEmpty()) {
                return List.of();
            }
            Object data = a.getData();
            List<String> out = new ArrayList<>();
            flattenStrings(data, out, path, name);
            return out;
        });
    }

    private void flattenStrings(Object data, List<String> out, String path, String name) throws KerasFileException {
        if (data instanceof String s) {
            out.add(s);
        } else if (data != null && data.getClass().isArray() && !data.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(data);
            for (int i = 0; i < n; i++) {
                flattenStrings(Array.get(data, i), out, path, name);
            }
        } else {
            throw error("attribute '" + name + "' of '" + display(path) + "' is not a string but "
                    + (data == null ? "null" : data.getClass().getSimpleName()));
        }
    }

    /** The dataset at {@code path} as float32 (float64 and integer data are converted, as Keras does). */
    WeightArray read(String path) throws KerasFileException {
        return guard("cannot read dataset '" + path + "'", () -> {
            Node n = node(path);
            if (!(n instanceof Dataset d)) {
                throw error(n == null ? "no dataset '" + path + "'" : "'" + path + "' is a group, not a dataset");
            }
            int[] dims = d.isScalar() ? new int[0] : d.getDimensions();
            long count = 1;
            for (int dim : dims) {
                if (dim < 0) {
                    throw error("dataset '" + path + "' declares a negative dimension " + dim);
                }
                count = Math.multiplyExact(count, (long) dim);
            }
            Class<?> type = d.getJavaType();
            int itemSize = itemSize(type);
            if (itemSize == 0) {
                throw error("dataset '" + path + "' holds " + type.getSimpleName() + ", not numbers");
            }
            long declared = Math.multiplyExact(count, (long) itemSize);
            boolean filtered = !d.getFilters().isEmpty();
            long limit = filtered ? Math.multiplyExact(Math.max(length, 1), MAX_EXPANSION) : length;
            if (declared > limit || count > Integer.MAX_VALUE - 8) {
                throw error("dataset '" + path + "' declares " + declared + " bytes of data, more than the "
                        + (filtered ? "compressed " : "") + "file of " + length + " bytes can hold");
            }
            if (count == 0) {
                return new WeightArray(dims, new float[0]);
            }
            Object flat = d.isScalar() ? d.getData() : d.getDataFlat();
            return new WeightArray(dims, toFloats(flat, (int) count, path));
        });
    }

    private static int itemSize(Class<?> type) {
        if (type == float.class || type == int.class || type == Float.class || type == Integer.class) {
            return 4;
        }
        if (type == double.class || type == long.class || type == Double.class || type == Long.class) {
            return 8;
        }
        if (type == short.class || type == Short.class) {
            return 2;
        }
        if (type == byte.class || type == boolean.class || type == Byte.class || type == Boolean.class) {
            return 1;
        }
        return 0;
    }

    private float[] toFloats(Object flat, int count, String path) throws KerasFileException {
        float[] out = new float[count];
        if (flat instanceof float[] f && f.length == count) {
            return f;
        }
        if (flat instanceof Number number && count == 1) {
            out[0] = number.floatValue();
            return out;
        }
        if (flat instanceof Boolean b && count == 1) {
            out[0] = b ? 1 : 0;
            return out;
        }
        if (flat == null || !flat.getClass().isArray() || Array.getLength(flat) != count) {
            throw error("dataset '" + path + "' could not be read as " + count + " numbers");
        }
        switch (flat) {
            case double[] d -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) d[i];
                }
            }
            case long[] l -> {
                for (int i = 0; i < count; i++) {
                    out[i] = l[i];
                }
            }
            case int[] v -> {
                for (int i = 0; i < count; i++) {
                    out[i] = v[i];
                }
            }
            case short[] v -> {
                for (int i = 0; i < count; i++) {
                    out[i] = v[i];
                }
            }
            case byte[] v -> {
                for (int i = 0; i < count; i++) {
                    out[i] = v[i];
                }
            }
            case boolean[] v -> {
                for (int i = 0; i < count; i++) {
                    out[i] = v[i] ? 1 : 0;
                }
            }
            default -> throw error("dataset '" + path + "' holds " + flat.getClass().getSimpleName() + ", not numbers");
        }
        return out;
    }

    private Node node(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return hdf;
        }
        Node current = hdf;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(current instanceof Group g)) {
                return null;
            }
            current = g.getChildren().get(part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static String display(String path) {
        return path.isEmpty() ? "/" : path;
    }

    @FunctionalInterface
    interface Access<T> {
        T call() throws KerasFileException;
    }

    private <T> T guard(String what, Access<T> access) throws KerasFileException {
        try {
            return access.call();
        } catch (KerasFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new KerasFileException(file, prefix() + what + ": the HDF5 data is damaged (" + describe(e) + ")", e);
        }
    }

    private static <T> T guard(Path file, String source, String what, Callable<T> access) throws KerasFileException {
        try {
            return access.call();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String prefix = file != null && source.equals(file.toString()) ? "" : "in " + source + ": ";
            throw new KerasFileException(file, prefix + what + " (" + describe(e) + ")", e);
        } catch (Exception e) {
            throw new KerasFileException(file, what + " (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m));
    }

    @Override
    public void close() {
        try {
            hdf.close();
        } catch (RuntimeException ignored) {
            // closing an in-memory file releases nothing that matters
        }
    }
}
