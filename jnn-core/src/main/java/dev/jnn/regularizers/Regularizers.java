package dev.jnn.regularizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds regularizers by Keras name and rebuilds them from Keras configs, like
 * {@code keras.regularizers.get} and {@code deserialize}.
 *
 * <p>Accepted names: {@code "l1"}, {@code "l2"}, {@code "l1_l2"} (Keras's function name) and
 * {@code "l1l2"} (Keras's snake_case of the class), and the class names {@code "L1"}, {@code "L2"},
 * {@code "L1L2"}. Defaults are Keras's: {@code L1(0.01)}, {@code L2(0.01)}, {@code L1L2(0, 0)}.
 *
 * <pre>{@code
 * Regularizer r = Regularizers.get("l2");                                  // L2(0.01)
 * Regularizer same = Regularizers.fromConfig(r.className(), r.config());
 * }</pre>
 */
public final class Regularizers {
    private static final Map<String, Supplier<Regularizer>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("l1", L1::new);
        BY_NAME.put("l2", L2::new);
        BY_NAME.put("l1_l2", L1L2::new);
        BY_NAME.put("l1l2", L1L2::new);
        BY_NAME.put("L1", L1::new);
        BY_NAME.put("L2", L2::new);
        BY_NAME.put("L1L2", L1L2::new);
    }

    private Regularizers() {
    }

    /** Every name {@link #get(String)} accepts. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /**
     * A new regularizer with Keras's default factors for {@code name}.
     *
     * @throws IllegalArgumentException listing the valid names when {@code name} is unknown
     */
    public static Regularizer get(String name) {
        Supplier<Regularizer> factory = name == null ? null : BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("regularizer name must be one of " + BY_NAME.keySet() + ", got " + name);
        }
        return factory.get();
    }

    /**
     * Rebuilds a regularizer from its Keras {@code class_name} (or any name {@link #get(String)}
     * accepts) and {@code config}; missing factors take Keras's defaults, unknown keys are rejected.
     */
    public static Regularizer fromConfig(String className, Map<String, ?> config) {
        Regularizer defaults = get(className);
        Map<String, ?> c = config == null ? Map.of() : config;
        for (String key : c.keySet()) {
            if (!defaults.config().containsKey(key)) {
                throw new IllegalArgumentException(defaults.name() + " config has unknown key " + key
                        + ", expected one of " + defaults.config().keySet());
            }
        }
        return switch (defaults) {
            case L1 d -> new L1(factor(c, "l1", d.l1()));
            case L2 d -> new L2(factor(c, "l2", d.l2()));
            case L1L2 d -> new L1L2(factor(c, "l1", d.l1()), factor(c, "l2", d.l2()));
            default -> throw new IllegalStateException("no config reader for regularizer " + defaults.name());
        };
    }

    /** L1 with factor {@code l1}. */
    public static Regularizer l1(double l1) {
        return new L1(l1);
    }

    /** L2 with factor {@code l2}. */
    public static Regularizer l2(double l2) {
        return new L2(l2);
    }

    /** L1 plus L2 with the given factors. */
    public static Regularizer l1L2(double l1, double l2) {
        return new L1L2(l1, l2);
    }

    /** Keras writes null for a factor left at its default; both mean the default here. */
    private static double factor(Map<String, ?> config, String key, double defaultValue) {
        Object v = config.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(key + " must be a number, got " + v);
    }
}
