package dev.jnn.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HDF5 file to be written, built in memory as Keras lays it out and then written in one go with
 * jHDF's writer.
 *
 * <p>What jHDF 0.9.4 can write, and so what this class offers: groups, string and string-array
 * attributes, and non-empty numeric datasets (float32 arrays of any rank, float32 and int64 scalars).
 * It cannot write zero-length datasets or empty attribute arrays, so an empty Keras
 * {@code weight_names} is left out; Keras reads a missing one as empty.
 *
 * <p>jHDF 0.9.4 also has a bug this class works around: on close it appends its signature string at
 * the channel's current position, which is the end of the last dataset written, not the end of the
 * file; any group written after that dataset has its header overwritten. So the root gets one more
 * member, a one-value dataset named {@code jnn_end*}, chosen so that jHDF (which keeps members in a
 * {@link ConcurrentHashMap}) writes it last. Keras ignores members it does not look for. Each written
 * file is then opened again and every group visited, so that a damaged file is never left behind.
 */
final class H5Tree {
    /** A group: attributes and members, in insertion order. */
    static final class GroupNode {
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Map<String, Object> members = new LinkedHashMap<>();

        /** The member group {@code name}, created if absent. */
        GroupNode group(String name) {
            Object existing = members.get(name);
            if (existing instanceof GroupNode g) {
                return g;
            }
            if (existing != null) {
                throw new IllegalStateException("'" + name + "' is already a dataset");
            }
            GroupNode g = new GroupNode();
            members.put(name, g);
            return g;
        }

        /** The group at a slash-separated path below this one, created as needed. */
        GroupNode path(String path) {
            GroupNode g = this;
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    g = g.group(part);
                }
            }
            return g;
        }

        /**
         * A string attribute. jHDF writes attributes only inside the object header, where one message
         * holds at most 64 KiB (h5py moves larger ones to "dense" storage, which jHDF cannot write).
         *
         * @throws UnsupportedOperationException for a longer string (e.g. the config of a very large
         *                                       model in a legacy .h5 file; .keras files have no limit)
         */
        GroupNode attribute(String name, String value) {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MESSAGE_LIMIT) {
                throw new UnsupportedOperationException("the attribute '" + name + "' is " + bytes + " bytes long, more "
                        + "than the " + MESSAGE_LIMIT + " the HDF5 writer (jHDF 0.9.4) can store; save as .keras instead");
            }
            attributes.put(name, value);
            return this;
        }

        /**
         * A string-array attribute; an empty one is left out (see the class comment). One too large
         * for an object-header message is split as Keras splits it ({@code name0, name1, ...}).
         */
        GroupNode attribute(String name, String[] values) {
            if (values.length == 0) {
                return this;
            }
            int longest = 1;
            for (String v : values) {
                longest = Math.max(longest, v.getBytes(StandardCharsets.UTF_8).length);
            }
            long bytes = (long) longest * values.length;
            if (bytes <= MESSAGE_LIMIT) {
                attributes.put(name, values.clone());
                return this;
            }
            int chunks = (int) ((bytes + MESSAGE_LIMIT - 1) / MESSAGE_LIMIT);
            int perChunk = (values.length + chunks - 1) / chunks;
            for (int c = 0, from = 0; from < values.length; c++, from += perChunk) {
                attributes.put(name + c, Arrays.copyOfRange(values, from, Math.min(values.length, from + perChunk)));
            }
            return this;
        }

        /** A float32 dataset of the given shape; an empty shape makes a scalar. */
        void dataset(String name, WeightArray array) {
            if (array.data().length == 0) {
                throw new UnsupportedOperationException("dataset '" + name + "' of shape " + array.shapeString()
                        + " holds no values, and the HDF5 writer (jHDF 0.9.4) cannot write empty datasets");
            }
            members.put(name, array);
        }

        /** An int64 scalar dataset (Keras's optimizer {@code iterations}). */
        void dataset(String name, long value) {
            members.put(name, value);
        }
    }

    // Keras's HDF5_OBJECT_HEADER_LIMIT: what one attribute may hold inside an object header.
    static final int MESSAGE_LIMIT = 64512;

    private final GroupNode root = new GroupNode();

    GroupNode root() {
        return root;
    }

    void write(Path target) throws IOException {
        GroupNode written = new GroupNode();
        written.attributes.putAll(root.attributes);
        written.members.putAll(root.members);
        written.members.put(trailerName(root.members.keySet()), new WeightArray(new int[] {1}, new float[] {0}));
        try (WritableHdfFile out = HdfFile.write(target)) {
            writeAttributes(out, written);
            writeMembers(out, written);
        } catch (RuntimeException e) {
            throw new IOException(target + ": HDF5 writing failed: " + e.getMessage(), e);
        }
        verify(target);
    }

    /** A name that jHDF will write after all of {@code names} (see the class comment). */
    static String trailerName(Collection<String> names) {
        for (int i = 0; ; i++) {
            String candidate = i == 0 ? "jnn_end" : "jnn_end_" + i;
            if (names.contains(candidate)) {
                continue;
            }
            Map<String, String> probe = new ConcurrentHashMap<>();   // jHDF's own container, same insertion order
            for (String name : names) {
                probe.put(name, name);
            }
            probe.put(candidate, candidate);
            String last = null;
            for (String key : probe.keySet()) {
                last = key;
            }
            if (candidate.equals(last)) {
                return candidate;
            }
        }
    }

    private static void verify(Path target) throws IOException {
        try (HdfFile in = new HdfFile(target)) {
            visit(in);
        } catch (RuntimeException e) {
            throw new IOException(target + ": the HDF5 writer produced a file that does not read back: " + e.getMessage(), e);
        }
    }

    private static void visit(Group group) {
        for (Node child : group.getChildren().values()) {
            child.getAttributes();
            if (child instanceof Group g) {
                visit(g);
            }
        }
    }

    private static void writeMembers(WritableGroup out, GroupNode group) {
        for (Map.Entry<String, Object> member : group.members.entrySet()) {
            switch (member.getValue()) {
                case GroupNode g -> {
                    WritableGroup child = out.putGroup(member.getKey());
                    writeAttributes(child, g);
                    writeMembers(child, g);
                }
                case WeightArray a -> out.putDataset(member.getKey(), nested(a));
                case Long l -> out.putDataset(member.getKey(), l);
                default -> throw new IllegalStateException("unexpected member " + member);
            }
        }
    }

    private static void writeAttributes(WritableNode out, GroupNode group) {
        for (Map.Entry<String, Object> a : group.attributes.entrySet()) {
            out.putAttribute(a.getKey(), a.getValue());
        }
    }

    /** jHDF takes a dataset as a Java array nested once per axis. */
    private static Object nested(WeightArray a) {
        int[] shape = a.shape();
        if (shape.length == 0) {
            return a.data()[0];
        }
        if (shape.length == 1) {
            return a.data().clone();
        }
        Object array = Array.newInstance(float.class, shape);
        fill(array, shape, 0, a.data(), new int[] {0});
        return array;
    }

    private static void fill(Object array, int[] shape, int axis, float[] data, int[] offset) {
        if (axis == shape.length - 1) {
            float[] row = (float[]) array;
            System.arraycopy(data, offset[0], row, 0, row.length);
            offset[0] += row.length;
            return;
        }
        for (int i = 0; i < shape[axis]; i++) {
            fill(Array.get(array, i), shape, axis + 1, data, offset);
        }
    }
}
