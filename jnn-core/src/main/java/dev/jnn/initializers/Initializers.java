package dev.jnn.initializers;

import dev.jnn.initializers.VarianceScaling.Distribution;
import dev.jnn.initializers.VarianceScaling.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds initializers by Keras name and rebuilds them from Keras configs, like
 * {@code keras.initializers.get} and {@code deserialize}.
 *
 * <p>Names are case-sensitive, as in Keras: the snake_case name ({@code "glorot_uniform"}), the
 * class name ({@code "GlorotUniform"}) and Keras's aliases {@code "normal"} (random normal),
 * {@code "uniform"} (random uniform), {@code "zero"}, {@code "one"}, {@code "IdentityInitializer"}
 * and {@code "OrthogonalInitializer"}. Each call returns a new instance with default arguments, so
 * an unseeded random initializer draws a fresh seed from the global stream.
 *
 * <pre>{@code
 * Initializer kernel = Initializers.get("he_normal");
 * Initializer same = Initializers.fromConfig(kernel.className(), kernel.config());
 * Initializer seeded = Initializers.glorotUniform(42L);
 * }</pre>
 */
public final class Initializers {
    /** Every accepted name, mapped to the snake_case name of the initializer it stands for. */
    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
    private static final Map<String, Supplier<Initializer>> FACTORIES = new LinkedHashMap<>();

    static {
        register("constant", "Constant", Constant::new);
        register("glorot_normal", "GlorotNormal", GlorotNormal::new);
        register("glorot_uniform", "GlorotUniform", GlorotUniform::new);
        register("he_normal", "HeNormal", HeNormal::new);
        register("he_uniform", "HeUniform", HeUniform::new);
        register("identity", "Identity", Identity::new);
        register("lecun_normal", "LecunNormal", LecunNormal::new);
        register("lecun_uniform", "LecunUniform", LecunUniform::new);
        register("ones", "Ones", Ones::new);
        register("orthogonal", "Orthogonal", Orthogonal::new);
        register("random_normal", "RandomNormal", RandomNormal::new);
        register("random_uniform", "RandomUniform", RandomUniform::new);
        register("truncated_normal", "TruncatedNormal", TruncatedNormal::new);
        register("variance_scaling", "VarianceScaling", VarianceScaling::new);
        register("zeros", "Zeros", Zeros::new);
        // Keras's aliases (initializers/__init__.py).
        CANONICAL.put("normal", "random_normal");
        CANONICAL.put("uniform", "random_uniform");
        CANONICAL.put("zero", "zeros");
        CANONICAL.put("one", "ones");
        CANONICAL.put("IdentityInitializer", "identity");
        CANONICAL.put("OrthogonalInitializer", "orthogonal");
    }

    private Initializers() {
    }

    private static void register(String snake, String className, Supplier<Initializer> factory) {
        CANONICAL.put(snake, snake);
        CANONICAL.put(className, snake);
        FACTORIES.put(snake, factory);
    }

    /** Every name {@link #get(String)} accepts: snake_case names, class names and aliases. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(CANONICAL.keySet());
    }

    /**
     * A new initializer with Keras's default arguments for {@code name}, e.g. {@code "glorot_uniform"},
     * {@code "GlorotUniform"} or the alias {@code "uniform"}.
     *
     * @throws IllegalArgumentException listing the valid names when {@code name} is unknown
     */
    public static Initializer get(String name) {
        return FACTORIES.get(canonical(name)).get();
    }

    /** The snake_case name {@code name} stands for; resolving it draws no seed. */
    private static String canonical(String name) {
        String snake = name == null ? null : CANONICAL.get(name);
        if (snake == null) {
            throw new IllegalArgumentException(
                    "initializer name must be one of " + CANONICAL.keySet() + ", got " + name);
        }
        return snake;
    }

    /**
     * Rebuilds an initializer from its Keras {@code class_name} (or any name {@link #get(String)}
     * accepts) and {@code config}; missing entries take Keras's defaults and unknown entries are
     * rejected. Numbers may be any {@link Number}; axes any list of numbers.
     */
    public static Initializer fromConfig(String className, Map<String, ?> config) {
        String kind = canonical(className);
        ConfigReader c = new ConfigReader(kind, config);
        Initializer result = switch (kind) {
            case "constant" -> new Constant(c.number("value", 0.0));
            case "identity" -> new Identity(c.number("gain", 1.0));
            case "zeros" -> new Zeros();
            case "ones" -> new Ones();
            case "orthogonal" -> new Orthogonal(c.number("gain", 1.0), c.seed());
            case "random_normal" -> new RandomNormal(c.number("mean", 0.0), c.number("stddev", 0.05), c.seed());
            case "truncated_normal" -> new TruncatedNormal(c.number("mean", 0.0), c.number("stddev", 0.05), c.seed());
            case "random_uniform" -> new RandomUniform(c.number("minval", -0.05), c.number("maxval", 0.05), c.seed());
            case "variance_scaling" -> new VarianceScaling(c.number("scale", 1.0),
                    Mode.of(c.string("mode", "fan_in")), Distribution.of(c.string("distribution", "truncated_normal")),
                    c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            case "glorot_uniform" -> new GlorotUniform(c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            case "glorot_normal" -> new GlorotNormal(c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            case "he_uniform" -> new HeUniform(c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            case "he_normal" -> new HeNormal(c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            case "lecun_uniform" -> new LecunUniform(c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            case "lecun_normal" -> new LecunNormal(c.seed(), c.axes("input_axes"), c.axes("output_axes"));
            default -> throw new IllegalStateException("no config reader for initializer " + kind);
        };
        c.rejectUnread();
        return result;
    }

    // Typed factories: the same objects as the constructors, found from one place.

    /** {@link GlorotUniform}, seeded from the global stream. */
    public static Initializer glorotUniform() {
        return new GlorotUniform();
    }

    /** {@link GlorotUniform} with a fixed seed. */
    public static Initializer glorotUniform(long seed) {
        return new GlorotUniform(seed);
    }

    /** {@link GlorotNormal}, seeded from the global stream. */
    public static Initializer glorotNormal() {
        return new GlorotNormal();
    }

    /** {@link GlorotNormal} with a fixed seed. */
    public static Initializer glorotNormal(long seed) {
        return new GlorotNormal(seed);
    }

    /** {@link HeNormal}, seeded from the global stream. */
    public static Initializer heNormal() {
        return new HeNormal();
    }

    /** {@link HeNormal} with a fixed seed. */
    public static Initializer heNormal(long seed) {
        return new HeNormal(seed);
    }

    /** {@link HeUniform}, seeded from the global stream. */
    public static Initializer heUniform() {
        return new HeUniform();
    }

    /** {@link HeUniform} with a fixed seed. */
    public static Initializer heUniform(long seed) {
        return new HeUniform(seed);
    }

    /** {@link LecunNormal}, seeded from the global stream. */
    public static Initializer lecunNormal() {
        return new LecunNormal();
    }

    /** {@link LecunNormal} with a fixed seed. */
    public static Initializer lecunNormal(long seed) {
        return new LecunNormal(seed);
    }

    /** {@link LecunUniform}, seeded from the global stream. */
    public static Initializer lecunUniform() {
        return new LecunUniform();
    }

    /** {@link LecunUniform} with a fixed seed. */
    public static Initializer lecunUniform(long seed) {
        return new LecunUniform(seed);
    }

    /** {@link RandomNormal} {@code N(mean, stddev²)}; a null {@code seed} is drawn from the global stream. */
    public static Initializer randomNormal(double mean, double stddev, Long seed) {
        return new RandomNormal(mean, stddev, seed);
    }

    /** {@link RandomUniform} {@code U[minval, maxval)}; a null {@code seed} is drawn from the global stream. */
    public static Initializer randomUniform(double minval, double maxval, Long seed) {
        return new RandomUniform(minval, maxval, seed);
    }

    /** {@link TruncatedNormal} cut at {@code mean ± 2·stddev}; a null {@code seed} uses the global stream. */
    public static Initializer truncatedNormal(double mean, double stddev, Long seed) {
        return new TruncatedNormal(mean, stddev, seed);
    }

    /** {@link VarianceScaling}; a null {@code seed} is drawn from the global stream. */
    public static Initializer varianceScaling(double scale, Mode mode, Distribution distribution, Long seed) {
        return new VarianceScaling(scale, mode, distribution, seed);
    }

    /** {@link Orthogonal} times {@code gain}; a null {@code seed} is drawn from the global stream. */
    public static Initializer orthogonal(double gain, Long seed) {
        return new Orthogonal(gain, seed);
    }

    /** {@link Zeros}. */
    public static Initializer zeros() {
        return new Zeros();
    }

    /** {@link Ones}. */
    public static Initializer ones() {
        return new Ones();
    }

    /** {@link Constant} {@code value}. */
    public static Initializer constant(double value) {
        return new Constant(value);
    }

    /** {@link Identity} times {@code gain}. */
    public static Initializer identity(double gain) {
        return new Identity(gain);
    }

    /** Reads typed entries from a Keras config map and remembers which were read. */
    private static final class ConfigReader {
        private final String kind;
        private final Map<String, ?> config;
        private final List<String> read = new ArrayList<>();

        ConfigReader(String kind, Map<String, ?> config) {
            this.kind = kind;
            this.config = config == null ? Map.of() : config;
        }

        double number(String key, double defaultValue) {
            Object v = take(key);
            if (v == null) {
                return defaultValue;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException(kind + " config " + key + " must be a number, got " + v);
        }

        String string(String key, String defaultValue) {
            Object v = take(key);
            if (v == null) {
                return defaultValue;
            }
            if (v instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException(kind + " config " + key + " must be a string, got " + v);
        }

        Long seed() {
            Object v = take("seed");
            if (v == null) {
                return null;
            }
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            throw new IllegalArgumentException(kind + " config seed must be an integer or null, got " + v);
        }

        List<Integer> axes(String key) {
            Object v = take(key);
            if (v == null) {
                return null;
            }
            if (v instanceof List<?> list) {
                List<Integer> axes = new ArrayList<>();
                for (Object o : list) {
                    if (!(o instanceof Number n)) {
                        throw new IllegalArgumentException(kind + " config " + key + " must hold integers, got " + v);
                    }
                    axes.add(n.intValue());
                }
                return axes;
            }
            throw new IllegalArgumentException(kind + " config " + key + " must be a list of integers, got " + v);
        }

        private Object take(String key) {
            read.add(key);
            return config.get(key);
        }

        void rejectUnread() {
            for (String key : config.keySet()) {
                if (!read.contains(key)) {
                    throw new IllegalArgumentException(kind + " config has unknown key " + key
                            + ", expected one of " + read);
                }
            }
        }
    }
}
