package dev.jnn.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Python {@code str.format} template with named fields, such as ModelCheckpoint's
 * {@code "ckpt-{epoch:02d}-{val_loss:.2f}.keras"}: literal text, {@code {{} and {@code }}} for
 * braces, and fields {@code {name}}, {@code {name:spec}} or {@code {name!r:spec}} (see
 * {@link FormatSpec}).
 *
 * <p>The template is parsed once; a syntax error is reported then, a missing field when formatting.
 * Positional fields ({@code {}}, {@code {0}}), attribute or index access ({@code {a.b}},
 * {@code {a[0]}}) and nested fields in a spec are refused: Keras only ever passes named values.
 */
final class FormatTemplate {
    private sealed interface Part permits Literal, Field {
    }

    private record Literal(String text) implements Part {
    }

    /** {@code conversion} is 0, or 'r', 's' or 'a' (all print a number as {@code repr} does). */
    private record Field(String name, char conversion, FormatSpec spec) implements Part {
    }

    private final String template;
    private final List<Part> parts;

    private FormatTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = parts;
    }

    /**
     * Parses {@code template}.
     *
     * @throws IllegalArgumentException on a syntax error Python would raise, or an unsupported field
     */
    static FormatTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{' || c == '}' && i + 1 < n
                    && template.charAt(i + 1) == '}') {
                literal.append(c);
                i += 2;
            } else if (c == '}') {
                throw error(template, "Single '}' encountered in format string");
            } else if (c == '{') {
                int end = template.indexOf('}', i + 1);
                int nested = template.indexOf('{', i + 1);
                if (end < 0) {
                    throw error(template, "expected '}' before end of string");
                }
                if (nested >= 0 && nested < end) {
                    throw error(template, "nested fields inside a format spec are not supported");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(field(template, template.substring(i + 1, end)));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new FormatTemplate(template, List.copyOf(parts));
    }

    private static Field field(String template, String content) {
        int colon = content.indexOf(':');
        String head = colon < 0 ? content : content.substring(0, colon);
        String spec = colon < 0 ? "" : content.substring(colon + 1);
        char conversion = 0;
        int bang = head.indexOf('!');
        String name = bang < 0 ? head : head.substring(0, bang);
        if (bang >= 0) {
            String rest = head.substring(bang + 1);
            if (rest.length() != 1 || "rsa".indexOf(rest.charAt(0)) < 0) {
                throw error(template, "Unknown conversion specifier " + rest);
            }
            conversion = rest.charAt(0);
        }
        if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
            throw error(template, "positional field {" + name + "}: every field needs a name such as {epoch}");
        }
        if (name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
            throw error(template, "field {" + name + "}: attribute and index access are not supported");
        }
        try {
            return new Field(name, conversion, FormatSpec.parse(spec));
        } catch (IllegalArgumentException e) {
            throw error(template, e.getMessage());
        }
    }

    /**
     * {@code template.format(**fields)}: values are {@link Integer}s, {@link Long}s, {@link Double}s or
     * {@link String}s.
     *
     * @throws IllegalArgumentException when a field has no value, or its spec does not suit the value
     */
    String format(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case Field field -> {
                    Object value = fields.get(field.name());
                    if (value == null) {
                        throw error(template, "no value for {" + field.name() + "}; available: "
                                + new TreeSet<>(fields.keySet()));
                    }
                    if (field.conversion() != 0) {
                        value = value instanceof Double || value instanceof Float
                                ? PythonFormat.repr(((Number) value).doubleValue()) : String.valueOf(value);
                    }
                    try {
                        out.append(field.spec().format(value));
                    } catch (IllegalArgumentException e) {
                        throw error(template, "field {" + field.name() + "}: " + e.getMessage());
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }

    private static IllegalArgumentException error(String template, String reason) {
        return new IllegalArgumentException("template \"" + template + "\": " + reason);
    }
}
