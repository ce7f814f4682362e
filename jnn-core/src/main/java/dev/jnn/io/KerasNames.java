package dev.jnn.io;

import java.util.Map;
import java.util.regex.Pattern;

/** Keras's naming helpers that decide where weights are stored. */
final class KerasNames {
    private static final Pattern NON_WORD = Pattern.compile("\\W+");
    private static final Pattern CAPITALIZED_WORD = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])");

    private KerasNames() {
    }

    /** Keras's {@code naming.to_snake_case}: {@code Conv2D → conv2d}, {@code PReLU → p_re_lu}. */
    static String snakeCase(String className) {
        String name = NON_WORD.matcher(className).replaceAll("");
        name = CAPITALIZED_WORD.matcher(name).replaceAll("$1_$2");
        return LOWER_UPPER.matcher(name).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** saving_lib's {@code _get_unique_name}: {@code dense, dense_1, dense_2, ...} within one container. */
    static String unique(String name, Map<String, Integer> used) {
        Integer count = used.get(name);
        if (count == null) {
            used.put(name, 0);
            return name;
        }
        used.put(name, count + 1);
        return name + "_" + (count + 1);
    }
}
