package dev.jnn.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The activation registry: Keras names (and the aliases {@code swish}, {@code hard_swish}) to
 * functions, plus typed factories for the parameterised ones.
 *
 * <p>{@link #get(String)} follows {@code keras.activations.get}: names are case-sensitive, {@code null}
 * means {@code linear}, and an alias returns the same function as its target (so
 * {@code get("swish").name()} is {@code "silu"}, as Keras serialises it). Functions looked up by name
 * have Keras's default arguments ({@code gelu} is the exact form, {@code leaky_relu} has slope 0.2).
 *
 * <pre>{@code
 * ActivationFunction f = Activations.get("relu");
 * ActivationFunction capped = Activations.relu(0f, 6f, 0f);
 * ActivationFunction copy = Activations.fromConfig(capped.name(), capped.config()); // equals capped
 * }</pre>
 */
public final class Activations {
    private static final Map<String, ActivationFunction> BY_NAME = byName();

    private Activations() {
    }

    private static Map<String, ActivationFunction> byName() {
        var map = new LinkedHashMap<String, ActivationFunction>();
        var silu = new Silu();
        var hardSilu = new HardSilu();
        for (ActivationFunction f : List.of(new Linear(), new Relu(), new Relu6(), new LeakyRelu(), new Elu(),
                new Selu(), new Gelu(), silu, new Softplus(), new Softsign(), new Sigmoid(), new HardSigmoid(),
                hardSilu, new Tanh(), new Mish(), new Exponential(), new Softmax(), new LogSoftmax())) {
            map.put(f.name(), f);
        }
        map.put("swish", silu);
        map.put("hard_swish", hardSilu);
        return Collections.unmodifiableMap(map);
    }

    /**
     * The function registered under a Keras name or alias, with default arguments; {@code null} gives
     * {@code linear}.
     *
     * @throws IllegalArgumentException if {@code name} is not one of {@link #names()}
     */
    public static ActivationFunction get(String name) {
        if (name == null) {
            return linear();
        }
        ActivationFunction f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException(
                    "name must be one of " + names() + ", got '" + name + "'");
        }
        return f;
    }

    /**
     * Rebuilds a function from its {@link ActivationFunction#name()} and
     * {@link ActivationFunction#config()}; missing entries take Keras's defaults, unknown keys are
     * rejected.
     *
     * @throws IllegalArgumentException for an unknown name, an unknown key, or a value of the wrong type
     */
    public static ActivationFunction fromConfig(String name, Map<String, ?> config) {
        ActivationFunction base = get(name);
        if (config == null || config.isEmpty()) {
            return base;
        }
        return switch (base) {
            case Relu r -> {
                checkKeys(name, config, Set.of("negative_slope", "max_value", "threshold"));
                Object max = config.containsKey("max_value") ? config.get("max_value") : r.maxValue();
                yield new Relu(floatEntry(config, "negative_slope", r.negativeSlope()),
                        max == null ? null : toFloat("max_value", max), floatEntry(config, "threshold", r.threshold()));
            }
            case LeakyRelu l -> {
                checkKeys(name, config, Set.of("negative_slope"));
                yield new LeakyRelu(floatEntry(config, "negative_slope", l.negativeSlope()));
            }
            case Elu e -> {
                checkKeys(name, config, Set.of("alpha"));
                yield new Elu(floatEntry(config, "alpha", e.alpha()));
            }
            case Gelu g -> {
                checkKeys(name, config, Set.of("approximate"));
                Object value = config.containsKey("approximate") ? config.get("approximate") : g.approximate();
                if (!(value instanceof Boolean approximate)) {
                    throw new IllegalArgumentException("approximate must be a Boolean, got " + value);
                }
                yield new Gelu(approximate);
            }
            default -> {
                checkKeys(name, config, Set.of());
                yield base;
            }
        };
    }

    /** Every name {@link #get(String)} accepts, canonical names first, then the aliases. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** {@code linear}: the identity. */
    public static Linear linear() {
        return new Linear();
    }

    /** {@code relu} with Keras defaults: {@code max(x, 0)}. */
    public static Relu relu() {
        return new Relu();
    }

    /** {@code relu(x, negative_slope, max_value, threshold)}; {@code maxValue} may be null. */
    public static Relu relu(float negativeSlope, Float maxValue, float threshold) {
        return new Relu(negativeSlope, maxValue, threshold);
    }

    /** {@code relu6}: {@code min(max(x, 0), 6)}. */
    public static Relu6 relu6() {
        return new Relu6();
    }

    /** {@code leaky_relu} with Keras's default slope 0.2. */
    public static LeakyRelu leakyRelu() {
        return new LeakyRelu();
    }

    /** {@code leaky_relu(x, negative_slope)}. */
    public static LeakyRelu leakyRelu(float negativeSlope) {
        return new LeakyRelu(negativeSlope);
    }

    /** {@code elu} with {@code alpha = 1}. */
    public static Elu elu() {
        return new Elu();
    }

    /** {@code elu(x, alpha)}. */
    public static Elu elu(float alpha) {
        return new Elu(alpha);
    }

    /** {@code selu}. */
    public static Selu selu() {
        return new Selu();
    }

    /** {@code gelu} in its exact (erf) form, Keras's default. */
    public static Gelu gelu() {
        return new Gelu();
    }

    /** {@code gelu(x, approximate)}: the tanh form when {@code approximate}. */
    public static Gelu gelu(boolean approximate) {
        return new Gelu(approximate);
    }

    /** {@code silu}: {@code x · sigmoid(x)}. */
    public static Silu silu() {
        return new Silu();
    }

    /** {@code swish}, the Keras alias of {@link #silu()}. */
    public static Silu swish() {
        return silu();
    }

    /** {@code softplus}: {@code log(exp(x) + 1)}. */
    public static Softplus softplus() {
        return new Softplus();
    }

    /** {@code softsign}: {@code x / (|x| + 1)}. */
    public static Softsign softsign() {
        return new Softsign();
    }

    /** {@code sigmoid}: {@code 1 / (1 + exp(-x))}. */
    public static Sigmoid sigmoid() {
        return new Sigmoid();
    }

    /** {@code hard_sigmoid}: {@code relu6(x + 3) / 6}. */
    public static HardSigmoid hardSigmoid() {
        return new HardSigmoid();
    }

    /** {@code hard_silu}: {@code x · relu6(x + 3) / 6}. */
    public static HardSilu hardSilu() {
        return new HardSilu();
    }

    /** {@code hard_swish}, the Keras alias of {@link #hardSilu()}. */
    public static HardSilu hardSwish() {
        return hardSilu();
    }

    /** {@code tanh}. */
    public static Tanh tanh() {
        return new Tanh();
    }

    /** {@code mish}: {@code x · tanh(softplus(x))}. */
    public static Mish mish() {
        return new Mish();
    }

    /** {@code exponential}: {@code exp(x)}. */
    public static Exponential exponential() {
        return new Exponential();
    }

    /** {@code softmax} over each row (Keras {@code axis=-1}). */
    public static Softmax softmax() {
        return new Softmax();
    }

    /** {@code log_softmax} over each row (Keras {@code axis=-1}). */
    public static LogSoftmax logSoftmax() {
        return new LogSoftmax();
    }

    private static void checkKeys(String name, Map<String, ?> config, Set<String> allowed) {
        for (String key : config.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("config key for " + name + " must be one of "
                        + allowed + ", got '" + key + "'");
            }
        }
    }

    private static float floatEntry(Map<String, ?> config, String key, float fallback) {
        return config.containsKey(key) ? toFloat(key, config.get(key)) : fallback;
    }

    private static float toFloat(String key, Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(key + " must be a number, got " + value);
        }
        return number.floatValue();
    }
}
