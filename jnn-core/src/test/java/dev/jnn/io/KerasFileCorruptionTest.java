package dev.jnn.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files: every read either succeeds (a mutation may only change weight values) or fails with
 * {@link KerasFileException} (or {@link UnsupportedKerasFeatureException} when a damaged config names a
 * class jnn lacks), in bounded time and memory; never another exception, a hang or a crash.
 */
class KerasFileCorruptionTest {
    private static final Path DIR = Path.of("src/test/resources/keras_interop");
    private static final List<String> FILES = List.of("mlp.keras", "mlp.h5", "mlp.weights.h5", "nested.legacy.h5");

    @TempDir
    Path tmp;

    /** One way of damaging a file: flip bytes, cut it short, or overwrite a stretch with junk. */
    record Mutation(String file, int kind, int position, int length, long seed) {
        byte[] apply(byte[] original) {
            java.util.Random random = new java.util.Random(seed);
            int at = Math.floorMod(position, original.length);
            switch (kind) {
                case 0 -> {
                    byte[] out = original.clone();
                    for (int i = 0; i < 1 + length % 8; i++) {
                        int p = i == 0 ? at : random.nextInt(out.length);
                        out[p] ^= (byte) (1 << random.nextInt(8));
                    }
                    return out;
                }
                case 1 -> {
                    return Arrays.copyOf(original, at);
                }
                case 2 -> {
                    byte[] out = original.clone();
                    for (int i = at; i < Math.min(out.length, at + 1 + length); i++) {
                        out[i] = (byte) random.nextInt(256);
                    }
                    return out;
                }
                default -> {
                    byte[] out = original.clone();
                    Arrays.fill(out, at, Math.min(out.length, at + 1 + length), (byte) 0xff);
                    return out;
                }
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(FILES), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(0, 64),
                Arbitraries.longs()).as(Mutation::new);
    }

    @Property(tries = 3000)
    void damagedFilesFailCleanly(@ForAll("mutations") Mutation mutation) throws IOException {
        byte[] damaged = mutation.apply(Files.readAllBytes(DIR.resolve(mutation.file())));
        // jqwik properties get no @TempDir; each try uses a folder of its own.
        Path folder = Files.createTempDirectory("jnn-damaged");
        Path file = folder.resolve(mutation.file());
        Files.write(file, damaged);
        try {
            readWithin(mutation, file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    private static void readWithin(Mutation mutation, Path file) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                if (mutation.file().endsWith(".weights.h5") || mutation.file().endsWith(".legacy.h5")) {
                    Model model = mutation.file().startsWith("mlp") ? KerasInteropFiles.mlp() : KerasInteropFiles.nested();
                    KerasFiles.loadWeights(model, file);
                } else {
                    KerasFiles.load(file);
                }
            } catch (KerasFileException | UnsupportedKerasFeatureException expected) {
                assertTrue(expected.getMessage().contains(file.toString()), "the message names the file: "
                        + expected.getMessage());
            }
        }, () -> "reading " + mutation + " took too long");
    }

    @Test
    void emptyAndForeignFilesAreRefusedWithTheFileName() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.keras"), new byte[0]);
        KerasFileException e = assertThrows(KerasFileException.class, () -> Model.load(empty));
        assertTrue(e.getMessage().contains("empty.keras") && e.getMessage().contains("empty"), e.getMessage());

        Path text = Files.writeString(tmp.resolve("model.h5"), "not a model");
        e = assertThrows(KerasFileException.class, () -> Model.load(text));
        assertTrue(e.getMessage().contains("not a Keras file"), e.getMessage());

        Path config = Files.writeString(tmp.resolve("config.json"), "{\"class_name\": \"Sequential\"}");
        e = assertThrows(KerasFileException.class, () -> Model.load(config));
        assertTrue(e.getMessage().contains("without weights"), e.getMessage());
    }

    @Test
    void truncatedFilesNameTheProblem() throws IOException {
        for (String name : List.of("mlp.keras", "mlp.h5")) {
            byte[] bytes = Files.readAllBytes(DIR.resolve(name));
            Path cut = Files.write(tmp.resolve("cut-" + name), Arrays.copyOf(bytes, bytes.length / 2));
            KerasFileException e = assertThrows(KerasFileException.class, () -> Model.load(cut));
            assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        }
    }

    @Test
    void savingIsAtomic() throws IOException {
        Path target = tmp.resolve("keep.keras");
        Model good = KerasInteropFiles.mlp();
        good.save(target);
        byte[] before = Files.readAllBytes(target);
        // A model that cannot be written (an empty name is refused mid-write) leaves the old file as it was.
        Path bad = tmp.resolve("missing-folder").resolve("x.keras");
        assertThrows(IOException.class, () -> good.save(bad));
        assertTrue(Arrays.equals(before, Files.readAllBytes(target)));
        try (var listing = Files.list(tmp)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
