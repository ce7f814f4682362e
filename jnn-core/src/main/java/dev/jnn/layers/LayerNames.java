package dev.jnn.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras-style automatic layer names: the class name in snake_case, then {@code _1}, {@code _2}...
 * for later layers of the same class ({@code dense}, {@code dense_1}). Counted per thread so
 * models built on different threads get the same names as when built alone.
 */
public final class LayerNames {
    private static final ThreadLocal<Map<String, Integer>> COUNTS = ThreadLocal.withInitial(HashMap::new);

    private LayerNames() {
    }

    public static String next(String className) {
        String base = snakeCase(className);
        int n = COUNTS.get().merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    /** Resets the counters, as {@code keras.backend.clear_session()} does. */
    public static void reset() {
        COUNTS.get().clear();
    }

    /**
     * Keras's {@code to_snake_case}: {@code "Conv2D"} → {@code "conv2d"}, {@code "BatchNormalization"}
     * → {@code "batch_normalization"}, {@code "LSTM"} → {@code "lstm"}.
     */
    public static String snakeCase(String name) {
        String s = name.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
