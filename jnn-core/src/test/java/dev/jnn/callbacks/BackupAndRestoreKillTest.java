package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BackupAndRestore against a real {@code kill -9}: {@link BackupTrainingMain} runs in a child JVM (same
 * java, same test class path, the Vector API module), is killed with {@link Process#destroyForcibly()}
 * (SIGKILL) after it reports an epoch, is run again to completion, and must end with the same weights,
 * bit for bit, as a run never interrupted: a plain MLP, and one with Dropout and GaussianNoise, whose
 * masks and noise continue only because the backup holds their random streams' states.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BackupAndRestoreKillTest {
    private static final int EPOCHS = 40;
    private static final long LINE_TIMEOUT_SECONDS = 120;

    @TempDir
    static Path shared;
    private static final Map<String, byte[]> uninterrupted = new HashMap<>();

    @TempDir
    Path tmp;

    /** A child JVM's output, line by line, and the process. */
    private record Child(Process process, BlockingQueue<String> lines, List<String> seen, Path stderr) {
        /** Waits for {@code expected}; fails with everything the child printed if it never comes. */
        void await(String expected) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(END)) {
                    break;
                }
                seen.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child never printed \"" + expected + "\"; it printed " + seen
                    + "; stderr:\n" + Files.readString(stderr));
        }

        /** Waits for the child to exit on its own, collecting the rest of its output. */
        int finish() throws InterruptedException, IOException {
            if (!process.waitFor(LINE_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the child did not finish; it printed " + seen);
            }
            for (String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS); line != null && !line.equals(END);
                    line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                seen.add(line);
            }
            int code = process.exitValue();
            assertEquals(0, code, "exit code; printed " + seen + "; stderr:\n" + Files.readString(stderr));
            return code;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();   // SIGKILL on Linux: no shutdown hooks, no finally blocks
        }

        int startEpoch() {
            return seen.stream().filter(l -> l.startsWith("start epoch ")).findFirst()
                    .map(l -> Integer.parseInt(l.substring("start epoch ".length()))).orElseThrow();
        }
    }

    private static final String END = "\u0000end of output";

    private static Child start(Path dir, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-Djnn.quiet=true", "-cp", System.getProperty("java.class.path"),
                BackupTrainingMain.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(dir, "child", ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            } finally {
                lines.add(END);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Child(process, lines, new ArrayList<>(), stderr);
    }

    @BeforeAll
    static void trainOnceWithoutInterruption() throws Exception {
        for (String model : List.of(BackupTrainingMain.PLAIN, BackupTrainingMain.NOISY)) {
            Path weights = shared.resolve(model + ".bin");
            Child child = start(shared, model, "-", weights.toString(), String.valueOf(EPOCHS));
            child.finish();
            assertTrue(child.seen().contains("finished"), child.seen().toString());
            byte[] bytes = Files.readAllBytes(weights);
            assertTrue(bytes.length > 4 * 300, "weights file of " + bytes.length + " bytes");
            uninterrupted.put(model, bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BackupTrainingMain.PLAIN, BackupTrainingMain.NOISY})
    void killedBetweenEpochsItResumesAtTheNextEpochAndEndsBitIdentical(String model) throws Exception {
        Path backup = tmp.resolve("backup");
        Path weights = tmp.resolve("resumed.bin");
        Child first = start(tmp, model, backup.toString(), weights.toString(), String.valueOf(EPOCHS), "5");
        first.await("epoch 5 done");   // the child now blocks: its backup of epoch 5 is complete
        first.kill();
        assertTrue(Files.exists(backup.resolve(BackupAndRestore.FILE_NAME)), "backup left by the killed run");
        assertFalse(Files.exists(weights));

        Child second = start(tmp, model, backup.toString(), weights.toString(), String.valueOf(EPOCHS));
        second.finish();
        assertEquals(6, second.startEpoch(), "resumed at the first epoch not completed");
        assertTrue(second.seen().contains("finished"));
        assertFalse(Files.exists(backup), "the backup folder is deleted when training ends");
        assertArrayEquals(uninterrupted.get(model), Files.readAllBytes(weights), "final weights, bit for bit");
    }

    @ParameterizedTest
    @ValueSource(strings = {BackupTrainingMain.PLAIN, BackupTrainingMain.NOISY})
    void killedWhileTrainingItResumesFromTheLastBackupAndEndsBitIdentical(String model) throws Exception {
        Path backup = tmp.resolve("backup");
        Path weights = tmp.resolve("resumed.bin");
        Child first = start(tmp, model, backup.toString(), weights.toString(), String.valueOf(EPOCHS));
        first.await("epoch 2 done");
        first.kill();   // somewhere in a later epoch, perhaps while writing a backup
        assumeFalse(first.seen().contains("finished") || Files.exists(weights),
                "the first run finished all " + EPOCHS + " epochs before it could be killed");

        Child second = start(tmp, model, backup.toString(), weights.toString(), String.valueOf(EPOCHS));
        second.finish();
        int resumedAt = second.startEpoch();
        assertTrue(resumedAt >= 3 && resumedAt <= EPOCHS, "resumed at epoch " + resumedAt);
        assertNotNull(second.seen());
        assertArrayEquals(uninterrupted.get(model), Files.readAllBytes(weights), "final weights, bit for bit");
    }
}
