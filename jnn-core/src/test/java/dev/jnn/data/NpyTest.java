package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpyTest {
    @TempDir
    Path tmp;

    static Stream<JsonNode> goldenFiles() {
        var list = new java.util.ArrayList<JsonNode>();
        Golden.manifest().get("npy").forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void readsEveryNumpyDtypeOrderAndVersion(JsonNode entry) throws IOException {
        Tensor t = Npy.read(Golden.file(entry.get("file").asText()));
        assertEquals(Shape.of(Golden.ints(entry.get("shape"))), t.shape(), entry.get("file").asText());
        assertArrayEquals(Golden.floats(entry.get("values")), t.data(), entry.get("file").asText());
    }

    @Test
    void readsIntegerLabelsExactly() throws IOException {
        JsonNode entry = goldenFiles().filter(e -> e.get("file").asText().equals("i8_f_le.npy")).findFirst().orElseThrow();
        int[] labels = Npy.readLabels(Golden.file("i8_f_le.npy"));
        int[] expected = toInts(Golden.floats(entry.get("values")));
        assertArrayEquals(expected, labels);
    }

    @Test
    void fractionalValuesAreNotLabels() {
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.readLabels(Golden.file("f4_c_le.npy")));
        assertTrue(e.getMessage().contains("f4_c_le.npy") && e.getMessage().contains("not an int label"), e.getMessage());
    }

    @Test
    void roundTripKeepsShapeAndBits() throws IOException {
        float[] v = {1.5f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, 3e38f};
        for (Shape s : new Shape[] {Shape.of(6), Shape.of(2, 3), Shape.of(1, 2, 3), Shape.of(3, 2, 1, 1)}) {
            Path f = tmp.resolve("rt.npy");
            Npy.write(f, new Tensor(s, v.clone()));
            Tensor back = Npy.read(f);
            assertEquals(s, back.shape());
            assertArrayEquals(v, back.data());
            assertEquals(0, (Files.size(f) - 4L * v.length) % 64);    // header padded to 64 bytes, as NumPy does
        }
        Npy.write(tmp.resolve("scalar.npy"), Tensor.scalar(4f));
        assertEquals(Shape.scalar(), Npy.read(tmp.resolve("scalar.npy")).shape());
        Npy.write(tmp.resolve("empty.npy"), Tensor.zeros(0, 5));
        assertEquals(Shape.of(0, 5), Npy.read(tmp.resolve("empty.npy")).shape());
    }

    @Test
    void writtenHeaderIsWhatNumpyWrites() throws IOException {
        // np.save of np.zeros((2, 3), np.float32): same 128-byte file prefix.
        byte[] b = Npy.toBytes(Tensor.zeros(2, 3));
        String header = new String(b, 10, b.length - 10 - 24, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertEquals(128 + 24, b.length);
        byte[] one = Npy.toBytes(Tensor.zeros(7));
        assertTrue(new String(one, StandardCharsets.ISO_8859_1).contains("'shape': (7,)"));
        assertArrayEquals(Files.readAllBytes(Golden.file("f4_empty.npy")), Npy.toBytes(Tensor.zeros(0, 3)));
    }

    @Test
    void writeIsAtomicAndLeavesNoTempFiles() throws IOException {
        Path f = tmp.resolve("a.npy");
        Npy.write(f, Tensor.zeros(2, 2));
        Npy.write(f, Tensor.full(Shape.of(3), 1f));      // replaces
        assertEquals(Shape.of(3), Npy.read(f).shape());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void truncatedDataNamesFileAndSizes() throws IOException {
        byte[] b = Files.readAllBytes(Golden.file("f8_c_le.npy"));
        Path f = tmp.resolve("cut.npy");
        Files.write(f, Arrays.copyOf(b, b.length - 3));
        var e = assertThrows(IOException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("cut.npy") && e.getMessage().contains("truncated"), e.getMessage());
        Files.write(f, Arrays.copyOf(b, 20));
        assertThrows(IOException.class, () -> Npy.read(f));
        Files.write(f, Arrays.copyOf(b, 4));
        assertThrows(IOException.class, () -> Npy.read(f));
    }

    @Test
    void hugeShapeFailsBeforeAllocating() {
        byte[] b = header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }");
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.parse(b, "huge.npy"));
        assertTrue(e.getMessage().contains("huge.npy"), e.getMessage());
        byte[] c = header("{'descr': '<f8', 'fortran_order': False, 'shape': (40000, 40000), }");
        var e2 = assertThrows(IOException.class, () -> Npy.parse(c, "big.npy"));
        assertTrue(e2.getMessage().contains("12800000000 bytes"), e2.getMessage());
    }

    @Test
    void malformedHeadersAreRejectedWithTheReason() {
        assertMessage("not a .npy file", "bad.npy", "NUMPY!!!!!!!!!".getBytes(StandardCharsets.ISO_8859_1));
        assertMessage("unsupported dtype '<c8'", "c.npy",
                header("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }"));
        assertMessage("unsupported dtype '|O'", "o.npy",
                header("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"));
        assertMessage("no 'shape'", "s.npy", header("{'descr': '<f4', 'fortran_order': False, }"));
        assertMessage("fortran_order must be True or False", "f.npy",
                header("{'descr': '<f4', 'fortran_order': 1, 'shape': (1,), }"));
        assertMessage("bad dimension", "d.npy", header("{'descr': '<f4', 'fortran_order': False, 'shape': (a,), }"));
        byte[] v9 = header("{'descr': '<f4', 'fortran_order': False, 'shape': (), }");
        v9[6] = 9;
        assertMessage("version 9.0", "v.npy", v9);
    }

    private static void assertMessage(String part, String name, byte[] bytes) {
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.parse(bytes, name));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(part), e.getMessage());
    }

    static byte[] header(String dict) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length];
        System.arraycopy(NpyFormat.MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }

    private static int[] toInts(float[] f) {
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (int) f[i];
        }
        return out;
    }
}
