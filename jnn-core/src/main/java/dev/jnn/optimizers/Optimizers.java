package dev.jnn.optimizers;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of optimizers by Keras name, as {@code keras.optimizers.get} and
 * {@code keras.optimizers.deserialize}: names are the lower-cased Keras class names and matching is
 * case-insensitive ({@code "adam"}, {@code "Adam"} and {@code "ADAM"} are the same).
 *
 * <pre>{@code
 * Optimizer opt = Optimizers.get("rmsprop");                       // Keras's defaults
 * Optimizer copy = Optimizers.fromConfig("Adam", adam.config());   // an equal, unbuilt Adam
 * }</pre>
 */
public final class Optimizers {
    private static final List<String> NAMES =
            List.of("sgd", "rmsprop", "adam", "adamw", "adagrad", "adadelta", "adamax", "nadam", "lion");

    private Optimizers() {
    }

    /** The names {@link #get} accepts, lower case. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A new optimizer with Keras's defaults for {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     */
    public static Optimizer get(String name) {
        return fromConfig(name, Map.of());
    }

    /**
     * A new, unbuilt optimizer of Keras class {@code className} (case-insensitive) from its config
     * entries ({@link Optimizer#config()} or Keras's {@code get_config()}); absent entries take Keras's
     * defaults. {@code learning_rate} may be a number or a serialized schedule.
     *
     * @throws IllegalArgumentException for an unknown class or an invalid entry
     */
    public static Optimizer fromConfig(String className, Map<String, ?> config) {
        if (className == null) {
            throw new IllegalArgumentException("optimizer name must not be null; valid names: " + NAMES);
        }
        ConfigReader c = new ConfigReader(className, config);
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "sgd" -> common(SGD.builder(), c)
                    .momentum(c.doubleValue("momentum", 0))
                    .nesterov(c.booleanValue("nesterov", false))
                    .build();
            case "rmsprop" -> common(RMSprop.builder(), c)
                    .rho(c.doubleValue("rho", 0.9))
                    .momentum(c.doubleValue("momentum", 0))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .centered(c.booleanValue("centered", false))
                    .build();
            case "adam" -> common(Adam.builder(), c)
                    .beta1(c.doubleValue("beta_1", 0.9))
                    .beta2(c.doubleValue("beta_2", 0.999))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .amsgrad(c.booleanValue("amsgrad", false))
                    .build();
            case "adamw" -> common(AdamW.builder(), c)
                    .beta1(c.doubleValue("beta_1", 0.9))
                    .beta2(c.doubleValue("beta_2", 0.999))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .amsgrad(c.booleanValue("amsgrad", false))
                    .build();
            case "adagrad" -> common(Adagrad.builder(), c)
                    .initialAccumulatorValue(c.doubleValue("initial_accumulator_value", 0.1))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .build();
            case "adadelta" -> common(Adadelta.builder(), c)
                    .rho(c.doubleValue("rho", 0.95))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .build();
            case "adamax" -> common(Adamax.builder(), c)
                    .beta1(c.doubleValue("beta_1", 0.9))
                    .beta2(c.doubleValue("beta_2", 0.999))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .build();
            case "nadam" -> common(Nadam.builder(), c)
                    .beta1(c.doubleValue("beta_1", 0.9))
                    .beta2(c.doubleValue("beta_2", 0.999))
                    .epsilon(c.doubleValue("epsilon", 1e-7))
                    .build();
            case "lion" -> common(Lion.builder(), c)
                    .beta1(c.doubleValue("beta_1", 0.9))
                    .beta2(c.doubleValue("beta_2", 0.99))
                    .build();
            default -> throw new IllegalArgumentException("unknown optimizer '" + className + "'; valid names: " + NAMES);
        };
    }

    /** Applies the entries every optimizer shares; absent ones keep the builder's defaults. */
    private static <B extends OptimizerBuilder<B>> B common(B builder, ConfigReader c) {
        if (c.has("name")) {
            builder.name(c.string("name", null));
        }
        Object learningRate = c.raw("learning_rate");
        if (learningRate instanceof Map<?, ?> schedule) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) schedule;
            builder.learningRate(LearningRateSchedules.deserialize(typed));
        } else if (learningRate != null) {
            builder.learningRate(c.number("learning_rate", learningRate).floatValue());
        }
        // AdamW's default weight decay is not null, so only an explicit entry (even None) may override it.
        if (c.contains("weight_decay")) {
            builder.weightDecay(c.nullableFloat("weight_decay"));
        }
        if (Boolean.TRUE.equals(c.raw("use_ema")) || c.has("loss_scale_factor") || c.has("gradient_accumulation_steps")
                || c.has("ema_overwrite_frequency")) {
            throw new IllegalArgumentException(c.owner() + ": use_ema, loss_scale_factor, gradient_accumulation_steps "
                    + "and ema_overwrite_frequency are not supported by jnn, got " + describe(c));
        }
        return builder.clipnorm(c.nullableFloat("clipnorm"))
                .clipvalue(c.nullableFloat("clipvalue"))
                .globalClipnorm(c.nullableFloat("global_clipnorm"));
    }

    private static String describe(ConfigReader c) {
        return "use_ema=" + c.raw("use_ema") + ", loss_scale_factor=" + c.raw("loss_scale_factor")
                + ", gradient_accumulation_steps=" + c.raw("gradient_accumulation_steps")
                + ", ema_overwrite_frequency=" + c.raw("ema_overwrite_frequency");
    }
}
