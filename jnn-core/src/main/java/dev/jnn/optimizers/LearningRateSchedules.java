package dev.jnn.optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of learning-rate schedules: Keras's serialized form
 * ({@code {"module": "keras.optimizers.schedules", "class_name": ..., "config": {...}}}) to and from
 * schedule objects.
 *
 * <pre>{@code
 * Map<String, Object> json = LearningRateSchedules.serialize(new ExponentialDecay(0.1f, 10, 0.5f));
 * LearningRateSchedule same = LearningRateSchedules.deserialize(json);
 * }</pre>
 */
public final class LearningRateSchedules {
    private static final List<String> NAMES = List.of("ExponentialDecay", "InverseTimeDecay",
            "PiecewiseConstantDecay", "PolynomialDecay", "CosineDecay");

    private LearningRateSchedules() {
    }

    /** The Keras class names this registry knows. */
    public static List<String> names() {
        return NAMES;
    }

    /** Keras's serialized form of {@code schedule}, as it appears under an optimizer's {@code learning_rate}. */
    public static Map<String, Object> serialize(LearningRateSchedule schedule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("module", "keras.optimizers.schedules");
        out.put("class_name", schedule.name());
        out.put("config", schedule.config());
        out.put("registered_name", null);
        return out;
    }

    /** The schedule described by a map produced by {@link #serialize} (or by Keras). */
    public static LearningRateSchedule deserialize(Map<String, ?> serialized) {
        Object className = serialized.get("class_name");
        Object config = serialized.get("config");
        if (!(className instanceof String name) || !(config instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a serialized schedule needs a class_name and a config, got " + serialized);
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        return fromConfig(name, typed);
    }

    /**
     * The schedule of Keras class {@code className} (case-insensitive) built from its config entries;
     * missing entries take Keras's defaults.
     */
    public static LearningRateSchedule fromConfig(String className, Map<String, ?> config) {
        ConfigReader c = new ConfigReader(className, config);
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "exponentialdecay" -> new ExponentialDecay(c.floatValue("initial_learning_rate", Float.NaN),
                    c.longValue("decay_steps", 0), c.floatValue("decay_rate", Float.NaN),
                    c.booleanValue("staircase", false));
            case "inversetimedecay" -> new InverseTimeDecay(c.floatValue("initial_learning_rate", Float.NaN),
                    c.longValue("decay_steps", 0), c.floatValue("decay_rate", Float.NaN),
                    c.booleanValue("staircase", false));
            case "piecewiseconstantdecay" -> {
                List<Long> boundaries = new ArrayList<>();
                for (Object b : c.list("boundaries")) {
                    boundaries.add(c.number("boundaries", b).longValue());
                }
                List<Float> values = new ArrayList<>();
                for (Object v : c.list("values")) {
                    values.add(c.number("values", v).floatValue());
                }
                yield new PiecewiseConstantDecay(boundaries, values);
            }
            case "polynomialdecay" -> new PolynomialDecay(c.floatValue("initial_learning_rate", Float.NaN),
                    c.longValue("decay_steps", 0), c.floatValue("end_learning_rate", 0.0001f),
                    c.floatValue("power", 1.0f), c.booleanValue("cycle", false));
            case "cosinedecay" -> new CosineDecay(c.floatValue("initial_learning_rate", Float.NaN),
                    c.longValue("decay_steps", 0), c.floatValue("alpha", 0f), c.nullableFloat("warmup_target"),
                    c.longValue("warmup_steps", 0));
            default -> throw new IllegalArgumentException("unknown learning rate schedule '" + className
                    + "'; valid names: " + NAMES);
        };
    }
}
