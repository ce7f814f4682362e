package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.tensor.Shape;
import dev.jnn.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@code jnn} in-process with captured output; reads the Keras goldens of golden/cli_fit and copies
 * the test data of data/.
 */
public record CliRun(int status, String out, String err) {
    static final Path GOLDEN = Path.of("src/test/resources/golden/cli_fit");

    /** Runs {@code jnn args...} (each argument as its {@code String.valueOf}). */
    public static CliRun of(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.execute(strings);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of stderr that are jnn's own (not the JVM's incubator warning or a logger's notice). */
    String jnnErrors() {
        return err.lines().filter(l -> l.startsWith("jnn ")).reduce("", (a, b) -> a + b + "\n");
    }

    static Path golden(String file) {
        return GOLDEN.resolve(file);
    }

    static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(GOLDEN.resolve(name + ".expected.json").toFile());
    }

    /** The number of samples in the golden's first x file. */
    static int samples(JsonNode doc) {
        try {
            return dev.jnn.data.Npy.read(golden(doc.get("x").get(0).asText())).rows();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Floats written as the shortest decimal of their double: parsed back bit for bit. */
    static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Double.parseDouble(values.get(i).asText());
        }
        return out;
    }

    static Tensor array(JsonNode node) {
        int[] dims = new int[node.get("shape").size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = node.get("shape").get(i).asInt();
        }
        return new Tensor(Shape.of(dims), floats(node.get("data")));
    }

    /** Copies the test resource {@code data/<name>} into {@code dir}. */
    public static Path resource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = CliRun.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IOException("test resource data/" + name + " missing");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
