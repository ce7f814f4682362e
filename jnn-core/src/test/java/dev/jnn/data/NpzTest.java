package dev.jnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"stored.npz", "deflated.npz"})
    void readsNumpySavezStoredAndCompressed(String name) throws IOException {
        Map<String, Tensor> arrays = Npz.read(Golden.file(name));
        assertEquals(List.of("x", "y"), List.copyOf(arrays.keySet()));
        JsonNode expected = Golden.manifest().get("npz");
        for (String key : List.of("x", "y")) {
            assertEquals(Shape.of(Golden.ints(expected.get(key).get("shape"))), arrays.get(key).shape());
            assertArrayEquals(Golden.floats(expected.get(key).get("values")), arrays.get(key).data());
        }
    }

    @Test
    void javaWrittenZipOfNpyEntriesReads() throws IOException {
        Path f = tmp.resolve("mine.npz");
        try (var zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("weights.npy"));
            zip.write(Npy.toBytes(Tensor.full(Shape.of(2, 2), 3f)));
            zip.closeEntry();
        }
        assertArrayEquals(new float[] {3, 3, 3, 3}, Npz.read(f).get("weights").data());
    }

    @Test
    void notAZipNamesTheFile() throws IOException {
        Path f = tmp.resolve("junk.npz");
        Files.write(f, new byte[] {1, 2, 3, 4, 5});
        var e = assertThrows(IOException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("junk.npz"), e.getMessage());
    }

    @Test
    void truncatedArchiveFails() throws IOException {
        byte[] b = Files.readAllBytes(Golden.file("deflated.npz"));
        Path f = tmp.resolve("cut.npz");
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        var e = assertThrows(IOException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("cut.npz"), e.getMessage());
    }

    @Test
    void badEntryNamesArchiveAndEntry() throws IOException {
        Path f = tmp.resolve("bad.npz");
        try (var zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("a.npy"));
            zip.write(NpyTest.header("{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }"));
            zip.closeEntry();
        }
        var e = assertThrows(IOException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("bad.npz[a.npy]") && e.getMessage().contains("truncated"), e.getMessage());
    }
}
