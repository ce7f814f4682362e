package dev.jnn.callbacks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** str.format and repr against CPython 3.11 (python_format.json, written by make_callbacks_golden.py). */
class PythonFormatGoldenTest {
    private static final JsonNode GOLDEN = CallbackGolden.read("python_format");

    // Python accepts these, jnn refuses them on purpose: Keras only passes plain named numbers.
    private static final Set<String> REFUSED = Set.of("{epoch.real}.keras", "a{epoch:{width}d}");

    @Test
    void formatSpecsMatchPython() {
        List<Executable> checks = new ArrayList<>();
        int compared = 0;
        for (JsonNode c : GOLDEN.get("format")) {
            if (!c.has("value")) {
                continue;
            }
            String template = c.get("template").asText();
            Object value = c.get("integer").asBoolean() ? (Object) c.get("value").asLong() : c.get("value").asDouble();
            String expected = c.get("result").isNull() ? null : c.get("result").asText();
            checks.add(() -> {
                String context = template + " with " + value;
                if (expected == null) {
                    assertThrows(IllegalArgumentException.class,
                            () -> FormatTemplate.parse(template).format(Map.of("v", value)), context);
                } else {
                    assertEquals(expected, FormatTemplate.parse(template).format(Map.of("v", value)), context);
                }
            });
            compared++;
        }
        assertTrue(compared > 800, "format cases: " + compared);
        assertAll(checks);
    }

    @Test
    void templatesMatchPython() {
        Map<String, Object> fields = Map.of("epoch", 3, "val_loss", 0.4567, "width", 3);
        List<Executable> checks = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("format")) {
            if (!c.has("fields")) {
                continue;
            }
            String template = c.get("template").asText();
            String expected = c.get("result").isNull() ? null : c.get("result").asText();
            checks.add(() -> {
                if (REFUSED.contains(template)) {
                    assertNotNull(expected, template + " is valid Python");
                    assertThrows(IllegalArgumentException.class, () -> FormatTemplate.parse(template).format(fields));
                } else if (expected == null) {
                    assertThrows(IllegalArgumentException.class, () -> FormatTemplate.parse(template).format(fields),
                            template);
                } else {
                    assertEquals(expected, FormatTemplate.parse(template).format(fields), template);
                }
            });
        }
        assertFalse(checks.isEmpty());
        assertAll(checks);
    }

    @Test
    void reprMatchesPython() {
        List<Executable> checks = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("repr")) {
            double x = Double.longBitsToDouble(c.get("bits").asLong());
            String expected = c.get("repr").asText();
            checks.add(() -> assertEquals(expected, PythonFormat.repr(x), Double.toString(x)));
        }
        assertTrue(checks.size() > 100);
        assertAll(checks);
    }

    @Test
    void errorsNameTheTemplateAndTheReason() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> FormatTemplate.parse("m-{epoch}-{val_loss:.2f}.keras").format(Map.of("epoch", 1)));
        assertEquals("template \"m-{epoch}-{val_loss:.2f}.keras\": no value for {val_loss}; available: [epoch]",
                missing.getMessage());
        var positional = assertThrows(IllegalArgumentException.class, () -> FormatTemplate.parse("m-{}.keras"));
        assertTrue(positional.getMessage().contains("positional field {}"), positional.getMessage());
        var grouping = assertThrows(IllegalArgumentException.class, () -> FormatTemplate.parse("{loss:,.2f}"));
        assertTrue(grouping.getMessage().contains("digit grouping"), grouping.getMessage());
        var wrongType = assertThrows(IllegalArgumentException.class,
                () -> FormatTemplate.parse("{loss:d}").format(Map.of("loss", 0.5)));
        assertTrue(wrongType.getMessage().endsWith("Unknown format code 'd' for object of type 'float'"),
                wrongType.getMessage());
    }
}
