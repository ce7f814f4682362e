package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path tmp;

    private final JsonNode expected = Golden.manifest().get("idx");

    @Test
    void readsPlainUbyteImages() throws IOException {
        Tensor t = Idx.read(Golden.file("images-idx3-ubyte"));
        assertEquals(Shape.of(3, 2, 3), t.shape());
        assertArrayEquals(Golden.floats(expected.get("images").get("values")), t.data());
    }

    @Test
    void readsGzipLabelsDetectedByMagic() throws IOException {
        assertArrayEquals(Golden.ints(expected.get("labels")), Idx.readLabels(Golden.file("labels-idx1-ubyte.gz")));
        // the same gzip bytes under a name without .gz are still unwrapped
        Path f = tmp.resolve("labels.bin");
        Files.copy(Golden.file("labels-idx1-ubyte.gz"), f);
        assertArrayEquals(new float[] {7, 0, 9}, Idx.read(f).data());
    }

    @Test
    void readsBigEndianFloats() throws IOException {
        Tensor t = Idx.read(Golden.file("floats-idx2-float"));
        assertEquals(Shape.of(2, 2), t.shape());
        assertArrayEquals(Golden.floats(expected.get("floats").get("values")), t.data());
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(Golden.file("floats-idx2-float")));
        assertTrue(e.getMessage().contains("integer type"), e.getMessage());
    }

    @Test
    void readsSignedShortAndIntTypes() throws IOException {
        Path f = tmp.resolve("s.idx");
        Files.write(f, ByteBuffer.allocate(4 + 4 + 4).put(new byte[] {0, 0, 0x0B, 1}).putInt(2)
                .putShort((short) -3).putShort((short) 300).array());
        assertArrayEquals(new int[] {-3, 300}, Idx.readLabels(f));
        Files.write(f, ByteBuffer.allocate(4 + 4 + 4).put(new byte[] {0, 0, 0x0C, 1}).putInt(1).putInt(-70000).array());
        assertArrayEquals(new float[] {-70000}, Idx.read(f).data());
    }

    @Test
    void badMagicNamesFile() throws IOException {
        Path f = tmp.resolve("x.idx");
        Files.write(f, new byte[] {1, 2, 8, 1, 0, 0, 0, 0});
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().contains("x.idx") && e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void truncatedPlainAndGzipFail() throws IOException {
        byte[] plain = Files.readAllBytes(Golden.file("images-idx3-ubyte"));
        Path f = tmp.resolve("cut-idx3");
        Files.write(f, Arrays.copyOf(plain, plain.length - 1));
        var e = assertThrows(IOException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().contains("cut-idx3") && e.getMessage().contains("truncated"), e.getMessage());
        Files.write(f, Arrays.copyOf(plain, 9));
        assertThrows(IOException.class, () -> Idx.read(f));

        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        byte[] g = gz.toByteArray();
        Files.write(f, Arrays.copyOf(g, g.length - 12));
        assertThrows(IOException.class, () -> Idx.read(f));
    }

    @Test
    void hugeDimensionsFailBeforeAllocating() throws IOException {
        Path f = tmp.resolve("huge.idx");
        Files.write(f, ByteBuffer.allocate(16).put(new byte[] {0, 0, 0x0E, 2}).putInt(50000).putInt(50000)
                .put(new byte[4]).array());
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().contains("huge.idx"), e.getMessage());
        Files.write(f, ByteBuffer.allocate(16).put(new byte[] {0, 0, 0x08, 2}).putInt(10000).putInt(10000)
                .put(new byte[4]).array());
        var e2 = assertThrows(IOException.class, () -> Idx.read(f));
        assertTrue(e2.getMessage().contains("cannot hold"), e2.getMessage());
    }
}
