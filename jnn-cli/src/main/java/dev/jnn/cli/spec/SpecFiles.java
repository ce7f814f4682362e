package dev.jnn.cli.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a spec document, JSON or YAML: by extension ({@code .json}, {@code .yaml}, {@code .yml}),
 * else by content (a document starting with <code>{</code> is JSON). YAML is read into the same
 * tree as JSON, so every later step sees one format.
 *
 * <pre>{@code
 * JsonNode doc = SpecFiles.read(Path.of("iris.yaml"));
 * }</pre>
 */
public final class SpecFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private SpecFiles() {
    }

    /** The document in {@code file}; a syntax error names the file, line and column. */
    public static JsonNode read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, isYaml(file.getFileName().toString(), text), file.toString());
    }

    /** The document in {@code text}, YAML or JSON; {@code source} names it in errors. */
    public static JsonNode parse(String text, boolean yaml, String source) {
        try {
            JsonNode doc = (yaml ? YAML : JSON).readTree(text);
            if (doc == null || doc.isMissingNode() || doc.isNull()) {
                throw new SpecException("", source + " is empty");
            }
            return doc;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SpecException("", source + " is not valid " + (yaml ? "YAML" : "JSON") + where + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Whether a file is YAML, from its name, else from its first non-blank character. */
    static boolean isYaml(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return false;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return true;
        }
        String start = text.stripLeading();
        return !(start.startsWith("{") || start.startsWith("["));
    }
}
