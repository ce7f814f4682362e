package dev.jnn.losses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Looks losses up by the strings Keras accepts in {@code compile(loss=...)} and rebuilds them from
 * their {@link Loss#config()}.
 *
 * <p>Accepted names: Keras class names ({@code "MeanSquaredError"}), function names
 * ({@code "mean_squared_error"}), Keras's aliases ({@code "mse"}, {@code "MSE"}, {@code "mae"},
 * {@code "mape"}, {@code "msle"}, {@code "bce"}, {@code "kld"} in both cases), the legacy
 * {@code "logcosh"} and {@code "kullback_leibler_divergence"}, and every loss's own {@link Loss#name()}
 * (so {@code "huber_loss"} too). Each call returns a new instance with Keras's defaults.
 *
 * <pre>{@code
 * Loss loss = Losses.get("sparse_categorical_crossentropy");
 * Loss copy = Losses.fromConfig("BinaryCrossentropy", Map.of("from_logits", true));
 * }</pre>
 */
public final class Losses {
    private static final Map<String, Supplier<Loss>> REGISTRY = registry();

    private Losses() {
    }

    /**
     * A new loss with Keras's defaults.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid names
     */
    public static Loss get(String name) {
        Supplier<Loss> factory = name == null ? null : REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown loss name " + (name == null ? "null" : "\"" + name + "\"")
                    + "; valid names: " + String.join(", ", names()));
        }
        return factory.get();
    }

    /** Every name {@link #get} accepts, in a stable order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(REGISTRY.keySet()));
    }

    /**
     * Rebuilds a loss from a Keras class name (or any name {@link #get} accepts) and a Keras config
     * map such as {@link Loss#config()} returns. Recognised keys: {@code from_logits},
     * {@code label_smoothing}, {@code delta}, {@code axis} (must be -1), {@code reduction} (must be
     * {@code "sum_over_batch_size"}), {@code ignore_class} (must be null); {@code name} is ignored.
     *
     * @throws IllegalArgumentException for an unknown name or an unsupported option value
     */
    public static Loss fromConfig(String className, Map<String, ?> config) {
        Loss defaults = get(className);
        Object reduction = config.get("reduction");
        if (reduction != null && !"sum_over_batch_size".equals(reduction)) {
            throw new IllegalArgumentException(defaults.name() + ": reduction must be \"sum_over_batch_size\", got "
                    + reduction);
        }
        Object axis = config.get("axis");
        if (axis != null && !(axis instanceof Number n && n.doubleValue() == -1)) {
            throw new IllegalArgumentException(defaults.name() + ": only axis -1 is supported, got " + axis);
        }
        if (config.get("ignore_class") != null) {
            throw new IllegalArgumentException(defaults.name() + ": ignore_class is not supported, got "
                    + config.get("ignore_class"));
        }
        boolean fromLogits = Boolean.TRUE.equals(config.get("from_logits"));
        double labelSmoothing = number(config, "label_smoothing", 0.0);
        return switch (defaults) {
            case BinaryCrossentropy _ -> new BinaryCrossentropy(new BinaryCrossentropy.Config(fromLogits, labelSmoothing));
            case CategoricalCrossentropy _ ->
                    new CategoricalCrossentropy(new CategoricalCrossentropy.Config(fromLogits, labelSmoothing));
            case SparseCategoricalCrossentropy _ ->
                    new SparseCategoricalCrossentropy(new SparseCategoricalCrossentropy.Config(fromLogits));
            case Huber _ -> new Huber(new Huber.Config(number(config, "delta", 1.0)));
            default -> defaults;
        };
    }

    private static double number(Map<String, ?> config, String key, double fallback) {
        Object value = config.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(key + " must be a number, got " + value);
        }
        return n.doubleValue();
    }

    private static Map<String, Supplier<Loss>> registry() {
        var r = new LinkedHashMap<String, Supplier<Loss>>();
        register(r, MeanSquaredError::new, "MeanSquaredError", "mean_squared_error", "mse", "MSE");
        register(r, MeanAbsoluteError::new, "MeanAbsoluteError", "mean_absolute_error", "mae", "MAE");
        register(r, MeanAbsolutePercentageError::new,
                "MeanAbsolutePercentageError", "mean_absolute_percentage_error", "mape", "MAPE");
        register(r, MeanSquaredLogarithmicError::new,
                "MeanSquaredLogarithmicError", "mean_squared_logarithmic_error", "msle", "MSLE");
        register(r, BinaryCrossentropy::new, "BinaryCrossentropy", "binary_crossentropy", "bce", "BCE");
        register(r, CategoricalCrossentropy::new, "CategoricalCrossentropy", "categorical_crossentropy");
        register(r, SparseCategoricalCrossentropy::new,
                "SparseCategoricalCrossentropy", "sparse_categorical_crossentropy");
        register(r, Huber::new, "Huber", "huber", "huber_loss");
        register(r, LogCosh::new, "LogCosh", "log_cosh", "logcosh");
        register(r, Hinge::new, "Hinge", "hinge");
        register(r, SquaredHinge::new, "SquaredHinge", "squared_hinge");
        register(r, CategoricalHinge::new, "CategoricalHinge", "categorical_hinge");
        register(r, KLDivergence::new,
                "KLDivergence", "kl_divergence", "kld", "KLD", "kullback_leibler_divergence");
        register(r, Poisson::new, "Poisson", "poisson");
        register(r, CosineSimilarity::new, "CosineSimilarity", "cosine_similarity");
        return Collections.unmodifiableMap(r);
    }

    private static void register(Map<String, Supplier<Loss>> r, Supplier<Loss> factory, String... names) {
        for (String name : names) {
            r.put(name, factory);
        }
    }
}
