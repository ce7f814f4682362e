package dev.jnn.initializers;

import dev.jnn.tensor.Shape;
import java.util.List;
import java.util.Map;

/**
 * Draws values whose variance adapts to the weight's fans, as Keras's {@code VarianceScaling}.
 *
 * <p>With {@code n} = {@code fanIn}, {@code fanOut} or {@code (fanIn + fanOut) / 2} by {@link Mode}
 * (at least 1; fans as in {@link Fans}) and {@code s = scale / n}:
 * <ul>
 *   <li>{@code UNIFORM}: {@code w ~ U[-limit, limit)}, {@code limit = sqrt(3·s)};</li>
 *   <li>{@code TRUNCATED_NORMAL}: normal cut at 2 standard deviations with
 *       {@code stddev = sqrt(s) / 0.87962566103423978}, so that the values' variance is {@code s};</li>
 *   <li>{@code UNTRUNCATED_NORMAL}: {@code w ~ N(0, s)}.</li>
 * </ul>
 * Glorot, He and LeCun initializers are fixed choices of these three arguments.
 *
 * <pre>{@code
 * Initializer init = new VarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, 42L);   // = HeUniform(42)
 * Tensor w = init.create(Shape.of(64, 32));
 * }</pre>
 */
public class VarianceScaling extends RandomInitializer {
    /**
     * Standard deviation of a standard normal truncated to [-2, 2]; dividing by it makes the
     * truncated values have the requested variance.
     */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    /** Which fan divides the scale. */
    public enum Mode {
        FAN_IN("fan_in"), FAN_OUT("fan_out"), FAN_AVG("fan_avg");

        private final String kerasName;

        Mode(String kerasName) {
            this.kerasName = kerasName;
        }

        /** The Keras spelling, e.g. {@code "fan_in"}. */
        public String kerasName() {
            return kerasName;
        }

        /** The mode Keras spells {@code name}. */
        public static Mode of(String name) {
            for (Mode m : values()) {
                if (m.kerasName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("mode must be one of fan_in, fan_out, fan_avg, got " + name);
        }
    }

    /** The distribution the values are drawn from. */
    public enum Distribution {
        TRUNCATED_NORMAL("truncated_normal"), UNTRUNCATED_NORMAL("untruncated_normal"), UNIFORM("uniform");

        private final String kerasName;

        Distribution(String kerasName) {
            this.kerasName = kerasName;
        }

        /** The Keras spelling, e.g. {@code "truncated_normal"}. */
        public String kerasName() {
            return kerasName;
        }

        /** The distribution Keras spells {@code name} (case-insensitive; {@code "normal"} means truncated). */
        public static Distribution of(String name) {
            String lower = name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
            if ("normal".equals(lower)) {
                return TRUNCATED_NORMAL;
            }
            for (Distribution d : values()) {
                if (d.kerasName.equals(lower)) {
                    return d;
                }
            }
            throw new IllegalArgumentException(
                    "distribution must be one of truncated_normal, untruncated_normal, uniform, got " + name);
        }
    }

    private final double scale;
    private final Mode mode;
    private final Distribution distribution;
    private final List<Integer> inputAxes;
    private final List<Integer> outputAxes;

    /** Keras's defaults: scale 1, fan_in, truncated normal, seeded from the global stream. */
    public VarianceScaling() {
        this(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null);
    }

    /** A variance-scaling initializer; a null {@code seed} is drawn from the global stream. */
    public VarianceScaling(double scale, Mode mode, Distribution distribution, Long seed) {
        this(scale, mode, distribution, seed, null, null);
    }

    /**
     * A variance-scaling initializer whose fans, when both axis lists are given, are the products
     * of those axes' sizes (Keras's {@code input_axes} / {@code output_axes}).
     */
    public VarianceScaling(double scale, Mode mode, Distribution distribution, Long seed,
                           List<Integer> inputAxes, List<Integer> outputAxes) {
        // Checked before super() so that a rejected initializer does not consume a global seed.
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive finite number, got " + scale);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (distribution == null) {
            throw new IllegalArgumentException("distribution must not be null");
        }
        super(seed);
        this.scale = scale;
        this.mode = mode;
        this.distribution = distribution;
        this.inputAxes = inputAxes == null ? null : List.copyOf(inputAxes);
        this.outputAxes = outputAxes == null ? null : List.copyOf(outputAxes);
    }

    public double scale() {
        return scale;
    }

    public Mode mode() {
        return mode;
    }

    public Distribution distribution() {
        return distribution;
    }

    /** The axes counted as inputs, or {@code null} for the default fan rule. */
    public List<Integer> inputAxes() {
        return inputAxes;
    }

    /** The axes counted as outputs, or {@code null} for the default fan rule. */
    public List<Integer> outputAxes() {
        return outputAxes;
    }

    @Override
    public String name() {
        return "variance_scaling";
    }

    @Override
    public void initialize(Shape shape, float[] out) {
        Outputs.check(shape, out);
        double variance = scale / units(Fans.of(shape, inputAxes, outputAxes));
        switch (distribution) {
            case UNIFORM -> {
                double limit = Math.sqrt(3.0 * variance);
                Sampling.uniform(newRandom(), -limit, limit, out);
            }
            case TRUNCATED_NORMAL ->
                    Sampling.truncatedNormal(newRandom(), 0.0, Math.sqrt(variance) / TRUNCATED_STDDEV, out);
            case UNTRUNCATED_NORMAL -> Sampling.normal(newRandom(), 0.0, Math.sqrt(variance), out);
        }
    }

    /** The {@code n} that divides the scale; never below 1, as in Keras, so empty shapes do not divide by 0. */
    private double units(Fans fans) {
        double n = switch (mode) {
            case FAN_IN -> fans.fanIn();
            case FAN_OUT -> fans.fanOut();
            case FAN_AVG -> (fans.fanIn() + fans.fanOut()) / 2.0;
        };
        return Math.max(1.0, n);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("scale", scale);
        config.put("mode", mode.kerasName());
        config.put("distribution", distribution.kerasName());
        addAxesConfig(config);
    }

    /** The axis entries, which the named presets (Glorot, He, LeCun) keep as their only config besides the seed. */
    protected final void addAxesConfig(Map<String, Object> config) {
        config.put("input_axes", inputAxes);
        config.put("output_axes", outputAxes);
    }
}
